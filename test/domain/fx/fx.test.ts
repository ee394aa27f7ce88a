import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convert, crossRate, parseEcbXml } from "../../../src/domain/fx.ts";

const ECB = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>
    <Cube time='2026-11-25'>
      <Cube currency='USD' rate='1.0512'/>
      <Cube currency='JPY' rate='162.35'/>
      <Cube currency='GBP' rate='0.83215'/>
      <Cube currency='KRW' rate='1471.02'/>
    </Cube>
    <Cube time='2026-11-24'>
      <Cube currency='USD' rate='1.0498'/>
    </Cube>
  </Cube>
</gesmes:Envelope>`;

describe("FX", () => {
  it("parses the ECB reference-rate XML, daily and history", () => {
    const r = parseEcbXml(ECB);
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toHaveLength(5);
    expect(r.value[0]).toEqual({ date: "2026-11-25", currency: "USD", rate: "1.0512" });
    expect(r.value.at(-1)).toEqual({ date: "2026-11-24", currency: "USD", rate: "1.0498" });
    expect(parseEcbXml("<html>nope</html>").ok).toBe(false);
  });

  it("converts exactly through EUR with one half-even rounding at the target exponent", () => {
    expect(convert({ amount: 10_000, currency: "EUR" }, "USD", "1", "1.0512")).toEqual({
      amount: 10_512,
      currency: "USD",
    });
    expect(convert({ amount: 10_512, currency: "USD" }, "EUR", "1.0512", "1")).toEqual({
      amount: 10_000,
      currency: "EUR",
    });
    expect(convert({ amount: 1_000, currency: "EUR" }, "JPY", "1", "162.35")).toEqual({
      amount: 1_624,
      currency: "JPY",
    }); // 1623.5 → 1624 (even)
    expect(convert({ amount: 10_000, currency: "USD" }, "JPY", "1.0512", "162.35")).toEqual({
      amount: 15_444,
      currency: "JPY",
    });
    expect(convert({ amount: 1_250, currency: "EUR" }, "KWD", "1", "0.3241")).toEqual({
      amount: 4_051,
      currency: "KWD",
    }); // 4.05125 → 4.051
    expect(crossRate("1.0512", "162.35")).toBe("154.44254186");
  });

  it("round-trips within one minor unit per conversion", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (amount, rateMicros) => {
          const rate = (rateMicros / 10_000).toFixed(4);
          const there = convert({ amount, currency: "EUR" }, "USD", "1", rate);
          const back = convert(there, "EUR", rate, "1");
          expect(Math.abs(back.amount - amount)).toBeLessThanOrEqual(Math.ceil(1 / Number(rate)) + 1);
        },
      ),
    );
  });
});
