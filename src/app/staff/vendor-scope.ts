import type { VendorReach } from "../../domain/staff/vendor-reach.ts";
import type { Deps } from "../ports/index.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function ownsCase(deps: Deps, merchantId: string, vendor: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const c = await deps.store.read.cases.load(merchantId, id);
  return c !== null && c.vendor === vendor;
}

/**
 * Whether what a vendor account reaches is its own: a case of its vendor (of its merchant), a
 * credit note of such a case; the queue and the reports are held to the vendor by the caller.
 * "no" answers as if the thing did not exist (404), so another vendor's cases are not revealed.
 */
export async function vendorMayReach(
  deps: Deps,
  merchantId: string,
  vendor: string,
  reach: VendorReach,
): Promise<"yes" | "no" | "needs_case"> {
  if (reach.kind === "queue" || reach.kind === "reports" || reach.kind === "policies") return "yes";
  if (reach.kind === "case") return (await ownsCase(deps, merchantId, vendor, reach.id)) ? "yes" : "no";
  if (reach.kind === "credit_notes") {
    if (!reach.caseId) return "needs_case";
    return (await ownsCase(deps, merchantId, vendor, reach.caseId)) ? "yes" : "no";
  }
  const note = UUID.test(reach.id) ? await deps.store.read.creditNotes.get(merchantId, reach.id) : null;
  return note && (await ownsCase(deps, merchantId, vendor, note.caseId)) ? "yes" : "no";
}
