/**
 * What a vendor account may reach on the merchant API (path after /api/v1): its cases and their
 * credit notes, the returns queue (held to its vendor), its figures and its own return policies (the
 * policy use cases hold it to them). Anything else is not for a vendor (403), whatever the role's
 * permissions say: settings, extenuating events, other lists, API keys.
 */
export type VendorReach =
  | { readonly kind: "queue" }
  | { readonly kind: "case"; readonly id: string }
  | { readonly kind: "credit_notes"; readonly caseId: string | null }
  | { readonly kind: "credit_note"; readonly id: string }
  | { readonly kind: "reports" }
  | { readonly kind: "policies" };

const READS = new Set(["GET", "HEAD"]);

/** The part of the API the request reaches, or null when a vendor account may not reach it. */
export function vendorReach(method: string, path: string, query: string): VendorReach | null {
  const read = READS.has(method);
  if (read && /^\/reports(\/.*)?$/.test(path)) return { kind: "reports" };
  if (read && path === "/returns") return { kind: "queue" };
  if (path === "/policies" ? read : /^\/policies\/(?!rendered$)[^/]+(\/check|\/versions)?$/.test(path))
    return { kind: "policies" };
  const kase = /^\/returns\/([^/]+)(\/.*)?$/.exec(path);
  if (kase?.[1] && kase[1] !== "preview") return { kind: "case", id: kase[1] };
  if (read && path === "/credit-notes")
    return { kind: "credit_notes", caseId: new URLSearchParams(query).get("caseId") };
  const note = /^\/credit-notes\/([^/]+)(\/pdf)?$/.exec(path);
  if (read && note?.[1]) return { kind: "credit_note", id: note[1] };
  return null;
}
