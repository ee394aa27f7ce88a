/**
 * What an e-mail says, as facts (amounts, dates, counts), and the values its template is formatted
 * with: amounts and dates through Intl in the shopper's locale and time zone. Pure: no clock.
 */
import { isValidTimeZone } from "../../calendar/time-zone.ts";
import { boundedMemo } from "../../memo.ts";
import { type Money, money } from "../../money.ts";
import { formatterFor } from "../../policy/render/format.ts";
import type { EmailKind, EmailValues } from "./email-kinds.ts";

export type RefundMethod = "original_payment" | "bank_transfer";

export type EmailFacts =
  | { readonly kind: "request_received"; readonly items: readonly { title: string; quantity: number }[] }
  | { readonly kind: "approved"; readonly returnRequired: boolean; readonly shipBy: Date | null }
  | { readonly kind: "rejected"; readonly reason: string | null }
  | { readonly kind: "label_ready"; readonly carrier: string; readonly trackingNumber: string }
  | { readonly kind: "received" }
  | { readonly kind: "inspected"; readonly accepted: number; readonly refused: number }
  | {
      readonly kind: "refunded";
      readonly amount: Money;
      readonly method: RefundMethod;
      readonly arrival: Date;
    }
  | { readonly kind: "store_credit_issued"; readonly amount: Money; readonly expires: Date | null }
  | { readonly kind: "payment_request"; readonly amount: Money }
  | { readonly kind: "delayed"; readonly trackingNumber: string; readonly daysLate: number }
  | { readonly kind: "ship_by_reminder"; readonly shipBy: Date; readonly daysLeft: number }
  /** The final e-mail: the return is complete, with the link to the survey. */
  | { readonly kind: "completed"; readonly surveyUrl: string };

/** Who and what an e-mail is about, whatever its kind. */
export interface EmailContext {
  /** The BCP 47 tag amounts, dates and lists are formatted for. */
  readonly locale: string;
  /** The shopper's zone (dates are the shopper's days); an unknown zone counts as UTC. */
  readonly timeZone: string | null;
  readonly shopperName: string | null;
  readonly caseNumber: string;
  readonly orderNumber: string;
  readonly shopName: string;
}

const yes = (b: boolean) => (b ? "yes" : "no");

/** Long dates per locale and zone, kept (an Intl.DateTimeFormat costs tens of microseconds to build). */
const longDates = boundedMemo(
  128,
  (locale: string, timeZone: string) => `${locale}|${timeZone}`,
  (locale, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }),
);

export function emailValues(facts: EmailFacts, ctx: EmailContext): EmailValues {
  const f = formatterFor(ctx.locale);
  const zone = ctx.timeZone && isValidTimeZone(ctx.timeZone) ? ctx.timeZone : "UTC";
  const dates = longDates(ctx.locale, zone);
  const date = (d: Date | null) => (d ? dates.format(d) : "");
  const common = {
    shopperName: ctx.shopperName ?? "",
    hasName: yes(Boolean(ctx.shopperName)),
    caseNumber: ctx.caseNumber,
    orderNumber: ctx.orderNumber,
    shopName: ctx.shopName,
  };
  const own = (): EmailValues => {
    switch (facts.kind) {
      case "request_received":
        return {
          items: f.list(
            facts.items.map((i) => `${i.quantity} × ${i.title}`),
            "and",
          ),
        };
      case "approved":
        return {
          returnRequired: yes(facts.returnRequired),
          hasShipBy: yes(facts.shipBy !== null),
          shipBy: date(facts.shipBy),
        };
      case "rejected":
        return { hasReason: yes(Boolean(facts.reason)), reason: facts.reason ?? "" };
      case "label_ready":
        return {
          hasTracking: yes(Boolean(facts.trackingNumber)),
          carrier: facts.carrier,
          trackingNumber: facts.trackingNumber,
        };
      case "received":
        return {};
      case "inspected":
        return { accepted: facts.accepted, refused: facts.refused };
      case "refunded":
        return { amount: f.money(facts.amount), method: facts.method, arrival: date(facts.arrival) };
      case "store_credit_issued":
        return {
          amount: f.money(facts.amount),
          hasExpiry: yes(facts.expires !== null),
          expires: date(facts.expires),
        };
      case "payment_request":
        return { amount: f.money(facts.amount) };
      case "delayed":
        return { trackingNumber: facts.trackingNumber, daysLate: facts.daysLate };
      case "ship_by_reminder":
        return { shipBy: date(facts.shipBy), daysLeft: facts.daysLeft };
      case "completed":
        return { surveyUrl: facts.surveyUrl };
    }
  };
  return { ...common, ...own() };
}

const SAMPLE_AT = new Date("2026-03-20T10:00:00Z");
const days = (n: number) => new Date(SAMPLE_AT.getTime() + n * 86_400_000);
const eur = (amount: number): Money => money(amount, "EUR");

/** Example facts for previews. */
export function sampleFacts(kind: EmailKind): EmailFacts {
  const all: Readonly<Record<EmailKind, EmailFacts>> = {
    request_received: {
      kind: "request_received",
      items: [
        { title: "Linen tee", quantity: 1 },
        { title: "Cap", quantity: 1 },
      ],
    },
    approved: { kind: "approved", returnRequired: true, shipBy: days(14) },
    rejected: { kind: "rejected", reason: "The item was bought more than 60 days ago." },
    label_ready: { kind: "label_ready", carrier: "DHL", trackingNumber: "00340434161094042557" },
    received: { kind: "received" },
    inspected: { kind: "inspected", accepted: 1, refused: 1 },
    refunded: { kind: "refunded", amount: eur(3990), method: "original_payment", arrival: days(14) },
    store_credit_issued: { kind: "store_credit_issued", amount: eur(4389), expires: days(365) },
    payment_request: { kind: "payment_request", amount: eur(500) },
    delayed: { kind: "delayed", trackingNumber: "00340434161094042557", daysLate: 3 },
    ship_by_reminder: { kind: "ship_by_reminder", shipBy: days(3), daysLeft: 3 },
    completed: { kind: "completed", surveyUrl: "https://returns.example/survey/sample-token" },
  };
  return all[kind];
}

export const SAMPLE_CONTEXT: Omit<EmailContext, "locale"> = {
  timeZone: "Europe/Berlin",
  shopperName: "Ana Schmidt",
  caseNumber: "R-1001",
  orderNumber: "1042",
  shopName: "Example Shop",
};
