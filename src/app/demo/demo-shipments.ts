import type { z } from "zod";
import type { orderBody } from "../inputs/order-input.ts";
import type { DemoCountry, PaymentStyle } from "./demo-countries.ts";
import type { Rng } from "./prng.ts";

/** Parcels and payments of a demo order. Every random draw happens whatever "today" is, so shapes stay stable. */

export type OrderJson = z.input<typeof orderBody>;
type FulfilmentJson = NonNullable<OrderJson["fulfilments"]>[number];
type TenderJson = NonNullable<OrderJson["tenders"]>[number];

export const DAY_MS = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const DIGITS = "0123456789";

export interface PlannedLine {
  readonly externalId: string;
  readonly quantity: number;
  readonly digital: boolean;
}

export interface Shipments {
  readonly fulfilments: FulfilmentJson[];
  /** When the last parcel arrived, or null while something is still on its way (or not shipped). */
  readonly completedAt: number | null;
}

/** Digital lines go by e-mail at once; physical ones leave the NL warehouse, sometimes in two parcels days apart. */
export function planShipments(
  ext: string,
  c: DemoCountry,
  placed: number,
  lines: readonly PlannedLine[],
  rng: Rng,
  now: number,
): Shipments {
  const shipAt = placed + (0.2 + rng.next() * 1.8) * DAY_MS;
  const transit = [0, 1].map(() => (rng.int(c.transitDays[0], c.transitDays[1]) + rng.next()) * DAY_MS);
  const wantSplit = rng.chance(0.18);
  const secondDelay = (2 + rng.next() * 4) * DAY_MS;
  const tracking = [0, 1].map(() => `${c.trackingPrefix}${rng.chars(18 - c.trackingPrefix.length, DIGITS)}`);

  const physical = lines.filter((l) => !l.digital);
  const digital = lines.filter((l) => l.digital);
  const units = physical.reduce((n, l) => n + l.quantity, 0);
  const parcels: { lineExternalId: string; quantity: number }[][] = [];
  if (physical.length > 0) {
    const all = physical.map((l) => ({ lineExternalId: l.externalId, quantity: l.quantity }));
    if (!wantSplit || units < 2) parcels.push(all);
    else if (physical.length >= 2) {
      const half = Math.ceil(physical.length / 2);
      parcels.push(all.slice(0, half), all.slice(half));
    } else {
      const only = all[0];
      if (!only) throw new Error("unreachable");
      const first = Math.ceil(only.quantity / 2);
      parcels.push([{ ...only, quantity: first }], [{ ...only, quantity: only.quantity - first }]);
    }
  }
  const fulfilments: FulfilmentJson[] = [];
  let completedAt: number | null = placed;
  if (digital.length > 0) {
    const at = iso(placed + 60_000);
    fulfilments.push({
      externalId: `${ext}-E`,
      lines: digital.map((l) => ({ lineExternalId: l.externalId, quantity: l.quantity })),
      shippedAt: at,
      deliveredAt: at,
      carrier: "email",
      trackingNumber: null,
    });
  }
  for (const [i, parcel] of parcels.entries()) {
    const shippedAt = shipAt + (i === 0 ? 0 : secondDelay);
    const deliveredAt = shippedAt + (transit[i] ?? DAY_MS);
    if (shippedAt > now) {
      completedAt = null;
      continue;
    }
    const delivered = deliveredAt <= now;
    completedAt = delivered && completedAt !== null ? Math.max(completedAt, deliveredAt) : null;
    fulfilments.push({
      externalId: `${ext}-F${i + 1}`,
      lines: parcel,
      shippedAt: iso(shippedAt),
      deliveredAt: delivered ? iso(deliveredAt) : null,
      carrier: c.carrier,
      trackingNumber: tracking[i] ?? null,
    });
  }
  return { fulfilments, completedAt };
}

function reference(provider: string, rng: Rng): string {
  switch (provider) {
    case "stripe":
      return `pi_3${rng.chars(23, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}`;
    case "adyen":
      return rng.chars(16, DIGITS);
    case "toss":
      return `tgen_${rng.chars(20, "abcdefghijklmnopqrstuvwxyz0123456789")}`;
    default:
      return `${provider}-${rng.chars(12)}`;
  }
}

/** How the shopper paid `total` (minor units): one tender, or a gift card plus a card for the rest. */
export function planTenders(
  c: DemoCountry,
  style: PaymentStyle,
  total: number,
  giftCard: number,
  placed: number,
  shipments: Shipments,
  rng: Rng,
  fmt: (minor: number) => string,
  now: number,
): TenderJson[] {
  const captured = placed + 90_000;
  const transferDays = (1 + rng.next() * 9) * DAY_MS;
  const card = reference(c.cardProvider, rng);
  const transferRef = rng.chars(12, DIGITS);
  const gift = giftCard > 0 && giftCard < total ? giftCard : 0;
  const rest = fmt(total - gift);
  const later = (ms: number): string | null => (ms <= now ? iso(ms) : null);
  const main = ((): TenderJson => {
    switch (style) {
      case "card":
        return {
          kind: "card",
          provider: c.cardProvider,
          reference: card,
          amount: rest,
          capturedAt: iso(captured),
        };
      case "ideal":
        return {
          kind: "other",
          provider: "adyen",
          reference: `ideal:${card}`,
          amount: rest,
          capturedAt: iso(captured),
        };
      case "invoice":
        return {
          kind: "bank_transfer",
          provider: null,
          reference: `RE-${transferRef}`,
          amount: rest,
          capturedAt: later(placed + transferDays),
        };
      case "pix":
        return {
          kind: "bank_transfer",
          provider: "ebanx",
          reference: `pix:E${transferRef}`,
          amount: rest,
          capturedAt: iso(captured),
        };
      case "boleto":
        return {
          kind: "bank_transfer",
          provider: "ebanx",
          reference: `boleto:${transferRef}`,
          amount: rest,
          capturedAt: later(placed + transferDays / 3),
        };
      case "spei":
        return {
          kind: "bank_transfer",
          provider: "stripe",
          reference: `spei:${transferRef}`,
          amount: rest,
          capturedAt: later(placed + DAY_MS / 4),
        };
      case "cod": {
        const at = shipments.completedAt === null ? null : iso(shipments.completedAt);
        return {
          kind: "cash_on_delivery",
          provider: c.carrier,
          reference: null,
          amount: rest,
          capturedAt: at,
        };
      }
    }
  })();
  if (gift === 0) return [main];
  const code = `GC-${rng.chars(4)}-${rng.chars(4)}`;
  return [
    main,
    {
      kind: "gift_card",
      provider: "northwind-giftcards",
      reference: code,
      amount: fmt(gift),
      capturedAt: iso(captured),
    },
  ];
}
