import { useEffect, useState } from "react";

/** The portal's pages under /returns/{merchant}/…; the browser's history moves between them. */
export type Route =
  | { readonly page: "lookup" }
  | { readonly page: "items" }
  | { readonly page: "review" }
  | { readonly page: "withdraw" }
  | { readonly page: "status"; readonly id: string }
  | { readonly page: "policy"; readonly country: string | null }
  | { readonly page: "not_found" };

export function parseRoute(pathname: string, search: string): { slug: string; route: Route } {
  const [, root, slug = "", ...rest] = pathname.split("/");
  if (root !== "returns") return { slug, route: { page: "not_found" } };
  const [first, second] = rest.filter(Boolean);
  if (!first) return { slug, route: { page: "lookup" } };
  if (first === "items" || first === "review" || first === "withdraw")
    return { slug, route: { page: first } };
  if (first === "returns" && second) return { slug, route: { page: "status", id: second } };
  if (first === "policy")
    return { slug, route: { page: "policy", country: new URLSearchParams(search).get("country") } };
  return { slug, route: { page: "not_found" } };
}

/** `/returns/{slug}/{path}` keeping ?lang. */
export function href(slug: string, path = "", query: Record<string, string> = {}): string {
  const params = new URLSearchParams(window.location.search);
  for (const k of [...params.keys()]) if (k !== "lang") params.delete(k);
  for (const [k, v] of Object.entries(query)) params.set(k, v);
  const q = params.toString();
  return `/returns/${slug}${path ? `/${path}` : ""}${q ? `?${q}` : ""}`;
}

export function navigate(to: string): void {
  window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
  // Focus moves to the new page's content, as a page load would (screen readers announce it).
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
