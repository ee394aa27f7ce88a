import { describe, expect, it } from "vitest";
import { clabeCheckDigit, isValidAbaRoutingNumber } from "../../../src/domain/payouts/account-checks.ts";
import {
  type BankAccountDetails,
  type NormalizedAccount,
  validateBankAccount,
} from "../../../src/domain/payouts/bank-account.ts";
import { isSepaCountry, SEPA_COUNTRIES } from "../../../src/domain/payouts/sepa-countries.ts";

const holder = "Jane Doe";

function valid(input: BankAccountDetails): NormalizedAccount {
  const r = validateBankAccount(input);
  if (!r.ok) throw new Error(`expected valid: ${JSON.stringify(r.error)}`);
  return r.value;
}

function issues(input: BankAccountDetails, at?: string): { path: string; message: string }[] {
  const r = validateBankAccount(input, at);
  if (r.ok) throw new Error(`expected issues for ${JSON.stringify(input)}`);
  return [...r.error];
}

describe("IBAN accounts", () => {
  it("normalises, checks and masks well-known test IBANs", () => {
    expect(valid({ scheme: "iban", accountHolder: holder, iban: "de89 3704 0044 0532 0130 00" })).toEqual({
      scheme: "iban",
      accountHolder: holder,
      iban: "DE89370400440532013000",
      bic: null,
      country: "DE",
      sepaReachable: true,
      manualPayout: false,
      masked: "DE89 **** **** **** **30 00",
    });
    const gb = valid({
      scheme: "iban",
      accountHolder: holder,
      iban: "GB29NWBK60161331926819",
      bic: "nwbk gb 2l",
    });
    expect(gb).toMatchObject({ country: "GB", bic: "NWBKGB2L", sepaReachable: true });
    expect(gb.masked).toBe("GB29 **** **** **** **68 19");
    expect(
      valid({ scheme: "iban", accountHolder: holder, iban: "NL91ABNA0417164300", bic: "" }),
    ).toMatchObject({
      bic: null,
      masked: "NL91 **** **** **43 00",
    });
    expect(
      valid({ scheme: "iban", accountHolder: holder, iban: "DE89370400440532013000", bic: "COBADEFFXXX" }),
    ).toMatchObject({
      bic: "COBADEFFXXX",
    });
  });

  it("tells SEPA-reachable IBANs from valid IBANs outside SEPA, including the 2024–2025 enlargement", () => {
    const reach = (iban: string): boolean => {
      const a = valid({ scheme: "iban", accountHolder: holder, iban });
      return a.scheme === "iban" && a.sepaReachable;
    };
    for (const iban of [
      "FR1420041010050500013M02606",
      "CH9300762011623852957",
      "NO9386011117947",
      "SM86U0322509800000000270100",
      "VA59001123000012345678",
      "AD1200012030200359100100",
      "AL47212110090000000235698741",
      "ME25505000012345678951",
      "MD24AG000225100013104168",
      "MK07250120000058984",
      "RS35260005601001611379",
    ]) {
      expect(reach(iban), iban).toBe(true);
    }
    expect(reach("TR330006100519786457841326")).toBe(false);
    expect(reach("SA0380000000608010167519")).toBe(false);
    expect(SEPA_COUNTRIES.size).toBe(41 + 13);
    expect(isSepaCountry("gf")).toBe(true);
    expect(isSepaCountry("NC")).toBe(false);
  });

  it("names the field and the reason for each invalid IBAN or BIC", () => {
    const ibanIssue = (iban: string): string =>
      issues({ scheme: "iban", accountHolder: holder, iban }, "bankAccount")
        .map((i) => `${i.path}: ${i.message}`)
        .join("; ");
    expect(ibanIssue("DE89370400440532013001")).toMatch(/^bankAccount\.iban: the check digits do not match/);
    expect(ibanIssue("DE8937040044053201300")).toBe(
      "bankAccount.iban: a DE IBAN has 22 characters, this one has 21",
    );
    expect(ibanIssue("XX89370400440532013000")).toMatch(/"XX" is not a country/);
    expect(ibanIssue("DE89-3704-0044")).toMatch(/two letters, two check digits/);
    expect(ibanIssue("CH4431999123000889012")).toMatch(/QR-IBAN/);
    expect(ibanIssue("")).toBe("bankAccount.iban: is required");

    const bicIssue = (bic: string): string[] =>
      issues({ scheme: "iban", accountHolder: holder, iban: "DE89370400440532013000", bic }).map(
        (i) => i.path + i.message,
      );
    expect(bicIssue("DEUTXXFF")).toEqual(['bic"XX" (characters 5–6) is not a country code']);
    expect(bicIssue("DEUTDEF")[0]).toMatch(/^bicmust be 8 or 11 characters/);
    expect(bicIssue("DEUTDEFF12")[0]).toMatch(/^bicmust be 8 or 11/);
  });

  it("requires the account holder and reports every failing field at once", () => {
    expect(issues({ scheme: "iban", accountHolder: "   ", iban: "DE00" }, "refund.account")).toEqual([
      { path: "refund.account.accountHolder", message: "is required" },
      { path: "refund.account.iban", message: expect.stringMatching(/check digits|characters/) },
    ]);
    expect(
      valid({ scheme: "iban", accountHolder: "  Zoë   Brown ", iban: "DE89370400440532013000" })
        .accountHolder,
    ).toBe("Zoë Brown");
  });
});

describe("national account schemes", () => {
  it("GB sort code and account number", () => {
    expect(
      valid({
        scheme: "gb_sort_code",
        accountHolder: holder,
        sortCode: "60-16-13",
        accountNumber: "3192 6819",
      }),
    ).toEqual({
      scheme: "gb_sort_code",
      accountHolder: holder,
      country: "GB",
      sortCode: "601613",
      accountNumber: "31926819",
      manualPayout: false,
      masked: "60-16-13 ****6819",
    });
    expect(
      issues({
        scheme: "gb_sort_code",
        accountHolder: holder,
        sortCode: "60-16-1",
        accountNumber: "1234567",
      }).map((i) => i.path),
    ).toEqual(["sortCode", "accountNumber"]);
  });

  it("US ABA routing number with its 3-7-1 checksum", () => {
    for (const routing of ["021000021", "011000015", "026009593", "121000358"]) {
      expect(isValidAbaRoutingNumber(routing), routing).toBe(true);
    }
    expect(isValidAbaRoutingNumber("021000022")).toBe(false);
    expect(isValidAbaRoutingNumber("991000021")).toBe(false);
    const account = valid({
      scheme: "us_aba",
      accountHolder: holder,
      routingNumber: "021000021",
      accountNumber: "000123456789",
      accountType: "checking",
    });
    expect(account).toMatchObject({ country: "US", accountType: "checking", masked: "021000021 ****6789" });
    const wrong = issues({
      scheme: "us_aba",
      accountHolder: holder,
      routingNumber: "021000022",
      accountNumber: "12",
      accountType: "savings",
    });
    expect(wrong).toEqual([
      { path: "routingNumber", message: "is not a valid ABA routing number: the check digit does not match" },
      { path: "accountNumber", message: "must be 4 to 17 digits" },
    ]);
    const fromJson: BankAccountDetails = JSON.parse(
      '{"scheme":"us_aba","accountHolder":"J","routingNumber":"021000021","accountNumber":"1234","accountType":"loan"}',
    );
    expect(issues(fromJson)).toEqual([{ path: "accountType", message: 'must be "checking" or "savings"' }]);
  });

  it("Mexican CLABE: 18 digits with the 3-7-1 weighted check digit", () => {
    expect(clabeCheckDigit("03218000011835971")).toBe(9);
    expect(
      valid({ scheme: "mx_clabe", accountHolder: holder, clabe: "032 180 00011835971 9" }),
    ).toMatchObject({
      clabe: "032180000118359719",
      bankCode: "032",
      country: "MX",
      masked: "032 ****9719",
    });
    expect(issues({ scheme: "mx_clabe", accountHolder: holder, clabe: "032180000118359710" })).toEqual([
      { path: "clabe", message: "the check digit (the 18th) does not match: a digit is probably mistyped" },
    ]);
    expect(issues({ scheme: "mx_clabe", accountHolder: holder, clabe: "0321800001183597" })[0]?.message).toBe(
      "must be 18 digits",
    );
  });

  it("Brazilian Pix keys: CPF, CNPJ (also alphanumeric), phone, e-mail, random key", () => {
    const pix = (key: string): NormalizedAccount => valid({ scheme: "br_pix", accountHolder: holder, key });
    expect(pix("529.982.247-25")).toMatchObject({
      keyType: "cpf",
      key: "52998224725",
      masked: "***.982.247-**",
    });
    expect(pix("11.222.333/0001-81")).toMatchObject({ keyType: "cnpj", key: "11222333000181" });
    expect(pix("12.ABC.345/01DE-35")).toMatchObject({ keyType: "cnpj", key: "12ABC34501DE35" });
    expect(pix("+55 (11) 91234-5678")).toMatchObject({
      keyType: "phone",
      key: "+5511912345678",
      masked: "+55 11 ****5678",
    });
    expect(pix("Maria.Silva@Example.com.br")).toMatchObject({
      keyType: "email",
      masked: "m***@example.com.br",
    });
    expect(pix("123E4567-E89B-42D3-A456-426614174000")).toMatchObject({
      keyType: "evp",
      key: "123e4567-e89b-42d3-a456-426614174000",
    });
    const bad = (key: string): string | undefined =>
      issues({ scheme: "br_pix", accountHolder: holder, key })[0]?.message;
    expect(bad("529.982.247-24")).toMatch(/not a valid CPF/);
    expect(bad("111.111.111-11")).toMatch(/not a valid CPF/);
    expect(bad("11.222.333/0001-82")).toMatch(/not a valid CNPJ/);
    expect(bad("+1 415 555 0100")).toMatch(/\+55/);
    expect(bad("maria@")).toMatch(/e-mail/);
    expect(bad("hello")).toMatch(/must be a CPF, a CNPJ/);
  });

  it("other countries: free text, paid out by hand", () => {
    expect(
      valid({ scheme: "other", accountHolder: holder, country: "ng", details: "GTBank, account 0123456789" }),
    ).toEqual({
      scheme: "other",
      accountHolder: holder,
      country: "NG",
      details: "GTBank, account 0123456789",
      manualPayout: true,
      masked: "GTBank, account ******6789",
    });
    expect(issues({ scheme: "other", accountHolder: holder, country: "Nigeria", details: " " })).toEqual([
      { path: "country", message: "must be an ISO 3166 two-letter country code" },
      { path: "details", message: "is required" },
    ]);
  });
});
