import { describe, expect, it } from "vitest";
import type { FieldIssue } from "../../../src/domain/errors.ts";
import {
  buildPain001,
  escapeXml,
  PAIN_001_001_09_NAMESPACE,
  type Pain001Batch,
  type Pain001Payment,
} from "../../../src/domain/payouts/pain001.ts";
import { isSepaText } from "../../../src/domain/payouts/sepa-text.ts";
import { itWith, XMLLINT } from "../../support/tools.ts";
import { xmllint } from "./xmllint.ts";

const itWithXmllint = itWith(XMLLINT);

const eur = (amount: number) => ({ amount, currency: "EUR" });

const payment = (n: number, over: Partial<Pain001Payment> = {}): Pain001Payment => ({
  instructionId: `INSTR-${n}`,
  endToEndId: `RMA-${1000 + n}`,
  amount: eur(100 * n + 1),
  creditor: { name: `Creditor ${n}`, iban: "DE89370400440532013000" },
  remittance: `Refund for return RMA-${1000 + n}`,
  ...over,
});

const batch = (over: Partial<Pain001Batch> = {}): Pain001Batch => ({
  messageId: "CB-20261126-0001",
  createdAt: new Date("2026-11-26T09:30:15.250Z"),
  debtor: { name: "Crossback Payouts B.V.", iban: "NL91 ABNA 0417 1643 00", bic: "ABNANL2A" },
  requestedExecutionDate: "2026-11-27",
  batchBooking: true,
  payments: [
    payment(1, {
      amount: eur(1999),
      creditor: { name: "Łukasz Żółć", iban: "PL61 1090 1014 0000 0712 1981 2874", bic: null },
      remittance: "Zwrot za zamówienie nr 1001 – dziękujemy!",
    }),
    payment(2, {
      amount: eur(250_000),
      creditor: { name: "Ærøskøbing Ltd", iban: "DK5000400440116243", bic: "NDEADKKK" },
      remittance: "Refund <RMA-1002> & credit note 'CN-7'",
    }),
    payment(3, {
      amount: eur(1),
      creditor: { name: "Ελένη Παπαδοπούλου", iban: "GR1601101250000000012300695" },
      remittance: "Επιστροφή χρημάτων για την παραγγελία 1003",
    }),
    payment(4, { amount: eur(99_999_999_999), remittance: "" }),
  ],
  ...over,
});

function xmlOf(b: Pain001Batch): string {
  const r = buildPain001(b);
  if (!r.ok) throw new Error(`expected a file: ${JSON.stringify(r.error)}`);
  return r.value;
}

function issuesOf(b: Pain001Batch): FieldIssue[] {
  const r = buildPain001(b);
  if (r.ok) throw new Error("expected the batch to be refused");
  return [...r.error];
}

const all = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, "g"))].map((m) => m[1] ?? "");

describe("pain.001.001.09 SEPA credit-transfer file", () => {
  itWithXmllint("validates against the EPC schema with xmllint", () => {
    const run = xmllint([xmlOf(batch())]);
    expect(run.output).toMatch(/validates/);
    expect(run.status).toBe(0);
  });

  it("carries NbOfTxs and CtrlSum at both levels, computed in integer cents", () => {
    const xml = xmlOf(batch());
    expect(all(xml, "NbOfTxs")).toEqual(["4", "4"]);
    // 19.99 + 2500.00 + 0.01 + 999999999.99
    expect(all(xml, "CtrlSum")).toEqual(["1000002519.99", "1000002519.99"]);
    expect(all(xml, "InstdAmt")).toEqual(["19.99", "2500.00", "0.01", "999999999.99"]);
    expect(xml).toContain('<InstdAmt Ccy="EUR">');
  });

  it("has the EPC structure: namespace, TRF, SEPA, SLEV, date, IBANs, BICs", () => {
    const xml = xmlOf(batch());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain(`<Document xmlns="${PAIN_001_001_09_NAMESPACE}">`);
    expect(all(xml, "PmtMtd")).toEqual(["TRF"]);
    expect(all(xml, "BtchBookg")).toEqual(["true"]);
    expect(all(xml, "Cd")).toEqual(["SEPA"]);
    expect(all(xml, "ChrgBr")).toEqual(["SLEV"]);
    expect(all(xml, "Dt")).toEqual(["2026-11-27"]);
    expect(all(xml, "CreDtTm")).toEqual(["2026-11-26T09:30:15Z"]);
    expect(all(xml, "EndToEndId")).toEqual(["RMA-1001", "RMA-1002", "RMA-1003", "RMA-1004"]);
    expect(all(xml, "IBAN")[0]).toBe("NL91ABNA0417164300");
    // CdtrAgt only where the creditor's BIC is known.
    expect(all(xml, "BICFI")).toEqual(["ABNANL2A", "NDEADKKK"]);
    expect(xmlOf(batch({ batchBooking: false }))).toContain("<BtchBookg>false</BtchBookg>");
  });

  itWithXmllint("writes names and remittance in the SEPA character set, escaped, within their limits", () => {
    const xml = xmlOf(batch());
    expect(all(xml, "Nm")).toEqual([
      "Crossback Payouts B.V.",
      "Crossback Payouts B.V.",
      "Lukasz Zolc",
      "Aeroskobing Ltd",
      "Eleni Papadopoulou",
      "Creditor 4",
    ]);
    expect(all(xml, "Ustrd")).toEqual([
      "Zwrot za zamowienie nr 1001 - dziekujemy.",
      "Refund (RMA-1002) + credit note &apos;CN-7&apos;",
      "Epistrofi chrimaton gia tin parangelia 1003",
    ]);
    for (const value of [...all(xml, "Nm"), ...all(xml, "Ustrd")]) {
      expect(isSepaText(value.replaceAll("&apos;", "'")), value).toBe(true);
    }
    const long = xmlOf(
      batch({
        payments: [
          payment(1, {
            creditor: { name: "Ωmega ".repeat(30), iban: "DE89370400440532013000" },
            remittance: "Refund ".repeat(40),
          }),
        ],
      }),
    );
    expect(all(long, "Nm")[2]?.length).toBeLessThanOrEqual(70);
    expect(all(long, "Ustrd")[0]?.length).toBeLessThanOrEqual(140);
    expect(xmllint([long]).status).toBe(0);
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;",
    );
  });

  itWithXmllint("a tampered file fails xmllint: three decimals, a 71-character name", () => {
    const xml = xmlOf(batch());
    const threeDecimals = xml.replace(
      '<InstdAmt Ccy="EUR">19.99</InstdAmt>',
      '<InstdAmt Ccy="EUR">19.999</InstdAmt>',
    );
    expect(threeDecimals).not.toBe(xml);
    const longName = xml.replace("<Nm>Lukasz Zolc</Nm>", `<Nm>${"L".repeat(71)}</Nm>`);
    const run = xmllint([threeDecimals, longName]);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/pain001-0\.xml fails to validate/);
    expect(run.output).toMatch(/pain001-1\.xml fails to validate/);
    expect(run.output).toMatch(/InstdAmt/);
  });

  itWithXmllint("the schema lets other currencies through, so the builder refuses them itself", () => {
    const usd = xmlOf(batch()).replaceAll('Ccy="EUR"', 'Ccy="USD"');
    expect(xmllint([usd]).status).toBe(0);
    const refused = issuesOf(
      batch({ payments: [payment(1), payment(2, { amount: { amount: 500, currency: "USD" } })] }),
    );
    expect(refused).toEqual([
      { path: "payments[1].amount", message: "SEPA credit transfers are in EUR only (got USD)" },
    ]);
  });

  it("refuses bad batches, naming each field", () => {
    expect(issuesOf(batch({ payments: [] }))).toEqual([
      { path: "payments", message: "a file needs at least one payment" },
    ]);
    const refused = issuesOf(
      batch({
        messageId: "/CB//1",
        requestedExecutionDate: "2026-02-30",
        createdAt: new Date("not a date"),
        debtor: { name: "山田", iban: "DE89370400440532013000", bic: "ABNAXX2A" },
        payments: [
          payment(1, { amount: eur(0) }),
          payment(2, { amount: eur(-500) }),
          payment(3, { amount: eur(12.5) }),
          payment(4, { amount: eur(100_000_000_000) }),
          payment(5, { endToEndId: "RMA-1001", instructionId: "INSTR-1" }),
          payment(6, { creditor: { name: "Ayşe", iban: "TR330006100519786457841326" } }),
          payment(7, { creditor: { name: " ", iban: "DE89370400440532013001", bic: "NOPE" } }),
          payment(8, { endToEndId: "RMA 1008 ", instructionId: "x".repeat(36) }),
        ],
      }),
    );
    expect(refused.map((i) => i.path)).toEqual([
      "messageId",
      "createdAt",
      "requestedExecutionDate",
      "debtor.name",
      "debtor.bic",
      "payments[0].amount",
      "payments[1].amount",
      "payments[2].amount",
      "payments[3].amount",
      "payments[4].endToEndId",
      "payments[4].instructionId",
      "payments[5].creditor.iban",
      "payments[6].creditor.name",
      "payments[6].creditor.iban",
      "payments[6].creditor.bic",
      "payments[7].instructionId",
      "payments[7].endToEndId",
    ]);
    const message = (path: string): string | undefined => refused.find((i) => i.path === path)?.message;
    expect(message("payments[0].amount")).toBe("must be at least 0.01 EUR");
    expect(message("payments[2].amount")).toBe("must be a whole number of cents");
    expect(message("payments[3].amount")).toBe("must be at most 999999999.99 EUR");
    expect(message("payments[4].endToEndId")).toBe('"RMA-1001" is already used by payments[0]');
    expect(message("payments[5].creditor.iban")).toBe("is an IBAN of TR, which is not in the SEPA schemes");
    expect(message("debtor.name")).toBe("has no characters that the SEPA character set can carry");
    expect(message("payments[6].creditor.name")).toBe("is required");
  });

  it("fails with an install hint when xmllint is missing", () => {
    expect(() => xmllint(["<x/>"], "xmllint-not-installed")).toThrow(/install libxml2-utils/);
  });
});
