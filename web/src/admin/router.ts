import { useEffect, useState } from "react";

/** The back office's pages under /admin/…; the browser's history moves between them. */
export type Route =
  | { readonly page: "home" }
  | { readonly page: "team" }
  | { readonly page: "security" }
  | { readonly page: "api_keys" }
  | { readonly page: "emails" }
  | { readonly page: "returns" }
  | { readonly page: "dashboard" }
  | { readonly page: "receiving" }
  | { readonly page: "policies" }
  | { readonly page: "policy"; readonly id: string }
  | { readonly page: "case"; readonly id: string }
  | { readonly page: "invitation"; readonly token: string }
  | { readonly page: "not_found" };

export function parseRoute(pathname: string): Route {
  const [root, first, second] = pathname.split("/").filter(Boolean);
  if (root !== "admin") return { page: "not_found" };
  if (!first) return { page: "home" };
  if (first === "team" && !second) return { page: "team" };
  if (first === "security" && !second) return { page: "security" };
  if (first === "api-keys" && !second) return { page: "api_keys" };
  if (first === "emails" && !second) return { page: "emails" };
  if (first === "dashboard" && !second) return { page: "dashboard" };
  if (first === "receiving" && !second) return { page: "receiving" };
  if (first === "returns") return second ? { page: "case", id: second } : { page: "returns" };
  if (first === "policies") return second ? { page: "policy", id: second } : { page: "policies" };
  if (first === "invitations" && second) return { page: "invitation", token: second };
  return { page: "not_found" };
}

/** `/admin/{path}` keeping ?lang. */
export function href(path = "", query: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const lang = new URLSearchParams(window.location.search).get("lang");
  if (lang) params.set("lang", lang);
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const q = params.toString();
  return `/admin${path ? `/${path}` : ""}${q ? `?${q}` : ""}`;
}

export function navigate(to: string, opts: { replace?: boolean; keepFocus?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
  if (opts.keepFocus) return;
  window.scrollTo(0, 0);
  requestAnimationFrame(() => document.getElementById("main")?.focus());
}

export function useLocation() {
  const [loc, setLoc] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  useEffect(() => {
    const on = () => setLoc({ path: window.location.pathname, search: window.location.search });
    window.addEventListener("popstate", on);
    return () => window.removeEventListener("popstate", on);
  }, []);
  return loc;
}
