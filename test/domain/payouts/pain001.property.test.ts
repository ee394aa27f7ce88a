import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPain001, type Pain001Batch } from "../../../src/domain/payouts/pain001.ts";
import { MAX_SCT_CENTS } from "../../../src/domain/payouts/pain001-batch.ts";
import { toSepaIdentifier } from "../../../src/domain/payouts/sepa-text.ts";
import { itWith, XMLLINT } from "../../support/tools.ts";
import { xmllint } from "./xmllint.ts";

const SEPA_IBANS = [
  "DE89370400440532013000",
  "GB29NWBK60161331926819",
  "FR1420041010050500013M02606",
  "NL91ABNA0417164300",
  "AT611904300234573201",
  "BE68539007547034",
  "IT60X0542811101000000123456",
  "ES9121000418450200051332",
  "PL61109010140000071219812874",
  "DK5000400440116243",
  "GR1601101250000000012300695",
  "CH9300762011623852957",
  "MT84MALT011000012345MTLCAST001S",
  "ME25505000012345678951",
];

/** Names that keep at least one letter after transliteration, with arbitrary Unicode after it. */
const name = fc
  .tuple(
    fc.constantFrom("Anna", "Łukasz", "Ελένη", "Жанна", "Ærø", "Zoë", "Ｔａｒｏ"),
    fc.string({ unit: "binary", maxLength: 90 }),
  )
  .map(([first, rest]) => `${first} ${rest}`);

const row = fc.record({
  cents: fc.integer({ min: 1, max: MAX_SCT_CENTS }),
  name,
  iban: fc.constantFrom(...SEPA_IBANS),
  bic: fc.option(fc.constantFrom("DEUTDEFF", "NWBKGB2L", "COBADEFFXXX", "BNPAFRPP"), { nil: null }),
  remittance: fc.string({ unit: "binary", maxLength: 300 }),
  idText: fc.string({ unit: "binary", maxLength: 40 }),
});

const batches: fc.Arbitrary<Pain001Batch> = fc
  .record({
    rows: fc.array(row, { minLength: 1, maxLength: 25 }),
    createdAt: fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T23:59:59Z"),
      noInvalidDate: true,
    }),
    batchBooking: fc.boolean(),
    messageText: fc.string({ unit: "binary", maxLength: 40 }),
  })
  .map(({ rows, createdAt, batchBooking, messageText }) => ({
    messageId: toSepaIdentifier(`CB-${messageText}`),
    createdAt,
    debtor: { name: "Crossback Payouts GmbH", iban: "DE89370400440532013000", bic: "COBADEFFXXX" },
    requestedExecutionDate: createdAt.toISOString().slice(0, 10),
    batchBooking,
    payments: rows.map((r, i) => ({
      // The index first keeps the identifiers unique whatever the random tail becomes.
      instructionId: toSepaIdentifier(`I${i}-${r.idText}`),
      endToEndId: toSepaIdentifier(`E${i}-${r.idText}`),
      amount: { amount: r.cents, currency: "EUR" },
      creditor: { name: r.name, iban: r.iban, bic: r.bic },
      remittance: r.remittance,
    })),
  }));

const decimalToCents = (text: string): bigint => {
  expect(text).toMatch(/^\d+\.\d{2}$/);
  return BigInt(text.replace(".", ""));
};

const values = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, "g"))].map((m) => m[1] ?? "");

function build(batch: Pain001Batch): string {
  const r = buildPain001(batch);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe("pain.001 properties", () => {
  it("CtrlSum is the exact sum of the amounts and NbOfTxs their count, at both levels", () => {
    fc.assert(
      fc.property(batches, (batch) => {
        const xml = build(batch);
        const expected = batch.payments.reduce((sum, p) => sum + BigInt(p.amount.amount), 0n);
        const sums = values(xml, "CtrlSum");
        expect(sums).toHaveLength(2);
        for (const s of sums) expect(decimalToCents(s)).toBe(expected);
        expect(values(xml, "NbOfTxs")).toEqual([
          String(batch.payments.length),
          String(batch.payments.length),
        ]);
        expect(values(xml, "InstdAmt").map(decimalToCents)).toEqual(
          batch.payments.map((p) => BigInt(p.amount.amount)),
        );
      }),
      { numRuns: 200 },
    );
  });

  itWith(XMLLINT)(
    "every generated file validates against the EPC schema (one xmllint run for a handful)",
    () => {
      const files = fc.sample(batches, { numRuns: 12, seed: 20261126 }).map(build);
      const random = fc.sample(batches, 6).map(build);
      const run = xmllint([...files, ...random]);
      expect(run.output.match(/ validates$/gm)).toHaveLength(18);
      expect(run.status).toBe(0);
    },
  );
});
