import { describe, expect, it } from "vitest";
import { CATALOG, demoGtin } from "../../../src/app/demo/demo-catalog.ts";
import { gtinOfScan, isGtin } from "../../../src/domain/receiving/gtin.ts";
import { lineOfItemScan, parseScan } from "../../../src/domain/receiving/scan.ts";

describe("receiving scans", () => {
  it("reads a label QR code, an RMA number in any spelling, anything else as text", () => {
    expect(parseScan("CROSSBACK:RETURN:RS-ABC123\r\n")).toEqual({ kind: "parcel", code: "RS-ABC123" });
    expect(parseScan(" r-42 ")).toEqual({ kind: "case_number", number: "R-000042" });
    expect(parseScan("R000042")).toEqual({ kind: "case_number", number: "R-000042" });
    expect(parseScan("ORD-1001")).toEqual({ kind: "text", code: "ORD-1001" });
  });

  it("checks GTIN check digits and reads GS1 element strings", () => {
    expect([isGtin("4006381333931"), isGtin("4006381333932"), isGtin("400638133393")]).toEqual([
      true,
      false,
      false,
    ]);
    expect(gtinOfScan("4006381333931")).toBe("04006381333931");
    expect(gtinOfScan("(01)04006381333931(21)SN1")).toBe("04006381333931");
    expect(gtinOfScan("]C10104006381333931")).toBe("04006381333931");
    expect(gtinOfScan("TEE-1")).toBeNull();
    expect(CATALOG.map((_, i) => demoGtin(i)).filter((g) => !isGtin(g))).toEqual([]);
  });

  it("finds the line of an item barcode by SKU (any case) or GTIN", () => {
    const lines = [
      { id: "a", sku: "TEE-1", gtin: "04006381333931" },
      { id: "b", sku: "CAP-1", gtin: null },
    ];
    expect(lineOfItemScan(lines, "cap-1")?.id).toBe("b");
    expect(lineOfItemScan(lines, "4006381333931")?.id).toBe("a");
    expect(lineOfItemScan(lines, "5901234123457")).toBeNull();
  });
});
