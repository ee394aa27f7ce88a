/** What the server put into the page: the API base, the merchant's branding, the negotiated locale. */
export interface Branding {
  readonly slug: string;
  readonly name: string;
  readonly logoUrl: string | null;
  readonly colour: string;
  readonly colourText: string;
  readonly supportEmail: string | null;
  readonly shopUrl: string | null;
  readonly locales: readonly string[];
  readonly rtlLocales: readonly string[];
}

export interface Boot {
  readonly api: string;
  readonly slug: string;
  readonly locale: string;
  readonly merchant: Branding | null;
}

export function readBoot(): Boot {
  const el = document.getElementById("crossback-boot");
  const fallback: Boot = { api: "/api/portal/v1", slug: "", locale: "en", merchant: null };
  if (!el?.textContent) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(el.textContent) as Partial<Boot>) };
  } catch {
    return fallback;
  }
}
