/**
 * The human-readable return policy of one market in one language, rendered from the same data the
 * engine enforces: the merchant's `ReturnPolicy` and the statutory rights of the shopper's country
 * (`statutoryRightsOf`). Every statutory sentence carries its citation. Pure: no I/O, no clock.
 */
import { statutoryPackFor } from "../../statutory/pack-loader.ts";
import { statutoryRightsOf } from "../../statutory/statutory-rights.ts";
import type { ReturnPolicy } from "../return-policy.ts";
import { formatterFor } from "./format.ts";
import { messagesFor, negotiateLocale } from "./locale.ts";
import { howToReturnSection, nonReturnableSection, windowSection } from "./merchant-sections.ts";
import { cancellationSection, refundsSection } from "./refund-sections.ts";
import { type RenderContext, type RenderedSection, withdrawalStatus } from "./render-context.ts";
import { legalGuaranteeSection, statutoryRightsSection } from "./statutory-sections.ts";

export { SUPPORTED_LOCALES } from "./locale.ts";
export type { RenderedSection } from "./render-context.ts";

export interface RenderedPolicy {
  country: string;
  region: string | null;
  /** The locale actually used, e.g. "de-DE", or "en" when the requested language is not supported. */
  locale: string;
  requestedLocale: string;
  currency: string;
  /** The statutory pack applied, e.g. "DE", "US-CA", "EU", "DEFAULT". */
  jurisdiction: string;
  policy: { id: string; version: number } | null;
  sections: RenderedSection[];
  /** Plain text of all sections, headings included. */
  text: string;
}

export interface RenderPolicyInput {
  policy: ReturnPolicy | null;
  country: string;
  region: string | null;
  locale: string;
  currency: string;
}

export function renderPolicy(input: RenderPolicyInput): RenderedPolicy {
  const country = input.country.trim().toUpperCase();
  const region = input.region?.trim().toUpperCase() || null;
  const currency = input.currency.trim().toUpperCase();
  const { locale, language } = negotiateLocale(input.locale);
  const rights = statutoryRightsOf(country, region);
  const pack = statutoryPackFor(country, region);
  const fmt = formatterFor(locale);
  const regional = rights.jurisdiction.includes("-") ? (rights.jurisdiction.split("-")[1] ?? null) : null;
  const { policy } = input;
  const ctx: RenderContext = {
    m: messagesFor(language, locale),
    fmt,
    rights,
    pack,
    policy,
    currency,
    withdrawal: withdrawalStatus(rights, policy),
    place: fmt.place(country, regional),
  };

  const sections: RenderedSection[] = [];
  if (policy) {
    sections.push(
      windowSection(ctx, policy),
      nonReturnableSection(ctx, policy),
      howToReturnSection(ctx, policy),
      refundsSection(ctx, policy),
    );
  }
  sections.push(statutoryRightsSection(ctx), legalGuaranteeSection(ctx));
  if (policy?.cancellation && policy.cancellation.tiers.length > 0) {
    sections.push(cancellationSection(ctx, policy.cancellation));
  }

  return {
    country,
    region,
    locale,
    requestedLocale: input.locale,
    currency,
    jurisdiction: rights.jurisdiction,
    policy: policy ? { id: policy.id, version: policy.version } : null,
    sections,
    text: sections.map((s) => [s.title, ...s.paragraphs].join("\n")).join("\n\n"),
  };
}
