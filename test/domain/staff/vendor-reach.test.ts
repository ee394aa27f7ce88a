import { describe, expect, it } from "vitest";
import { vendorReach } from "../../../src/domain/staff/vendor-reach.ts";

const ID = "01900000-0000-7000-8000-000000000001";

describe("what a vendor account may reach on the merchant API", () => {
  it("its queue, its cases (any action), their credit notes and its reports", () => {
    expect(vendorReach("GET", "/returns", "vendor=x")).toEqual({ kind: "queue" });
    expect(vendorReach("GET", `/returns/${ID}/events`, "")).toEqual({ kind: "case", id: ID });
    expect(vendorReach("POST", `/returns/${ID}/refunds`, "")).toEqual({ kind: "case", id: ID });
    expect(vendorReach("GET", "/credit-notes", `caseId=${ID}`)).toEqual({ kind: "credit_notes", caseId: ID });
    expect(vendorReach("GET", `/credit-notes/${ID}/pdf`, "")).toEqual({ kind: "credit_note", id: ID });
    expect(vendorReach("GET", "/reports/refunds", "")).toEqual({ kind: "reports" });
  });

  it("its own return policies: the list, one policy, its check and versions (the use case holds it to its vendor)", () => {
    expect(vendorReach("GET", "/policies", "")).toEqual({ kind: "policies" });
    expect(vendorReach("PUT", `/policies/${ID}`, "")).toEqual({ kind: "policies" });
    expect(vendorReach("POST", `/policies/${ID}/check`, "")).toEqual({ kind: "policies" });
    expect(vendorReach("GET", `/policies/${ID}/versions`, "")).toEqual({ kind: "policies" });
  });

  it("nothing else: opening returns, previews, orders, settlements, settings, rendered policies, receiving", () => {
    for (const [method, path] of [
      ["POST", "/returns"],
      ["POST", "/returns/preview"],
      ["GET", "/returns/"],
      ["GET", "/orders/A1"],
      ["GET", "/settlements"],
      ["PUT", "/settings"],
      ["POST", "/policies"],
      ["GET", "/policies/rendered"],
      ["GET", "/receiving/lookup"],
      ["POST", "/blind-receipts"],
      ["POST", "/credit-notes"],
    ])
      expect(vendorReach(method ?? "", path ?? "", ""), `${method} ${path}`).toBeNull();
  });
});
