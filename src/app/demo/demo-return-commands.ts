import type { ReturnCase } from "../../domain/return-case.ts";
import type { CommandInput } from "../case-commands.ts";
import type { Step } from "./demo-return-plans.ts";
import type { Rng } from "./prng.ts";

/** Where demo returns go, how long each step takes, and the command each step sends. */

const HUBS: Readonly<Record<string, string>> = {
  GB: "GB-DAVENTRY",
  US: "US-CA-ONTARIO",
  JP: "JP-CHIBA",
  AU: "AU-SYDNEY",
};
const VENDOR_HUBS: Readonly<Record<string, string>> = {
  "kyoto-ceramics": "VND-KYOTO",
  "alpine-outfitters": "VND-INNSBRUCK",
};
const RETURN_CARRIERS: Readonly<Record<string, string>> = {
  GB: "Royal Mail",
  US: "USPS",
  JP: "Japan Post",
  AU: "Australia Post",
  DE: "DHL",
  FR: "Colissimo",
  NL: "PostNL",
  BR: "Correios",
  MX: "Estafeta",
  KR: "Korea Post",
};
/** Days each step takes after the previous one: [minimum, spread]. */
export const STEP_DAYS: Readonly<Record<Step, readonly [number, number]>> = {
  review: [0.2, 1],
  approve: [0.2, 1.5],
  "approve-one": [0.2, 1.5],
  "approve-short": [0.2, 1],
  reject: [0.2, 1.5],
  cancel: [0.5, 2],
  ship: [1, 3],
  receive: [2, 5],
  "receive-part": [2, 5],
  inspect: [0.5, 2],
  "inspect-refuse": [0.5, 2],
  resolve: [0.1, 1],
  close: [2, 4],
  expire: [6, 2],
};

/** The use-case command for one step of a demo story, shaped by the case as it stands. */
export function returnCommand(
  step: Step,
  c: ReturnCase,
  p: { country: string; vendor: string | null },
  rng: Rng,
): CommandInput {
  const country = p.country;
  const open = (l: ReturnCase["lines"][number]) => l.counts.shipped - l.counts.received;
  switch (step) {
    case "approve-one":
      return { type: "approve", lines: c.lines.map((l) => ({ lineId: l.id, quantity: 1 })) };
    case "approve-short":
      return { type: "approve", shipByDays: 5 };
    case "ship":
      return {
        type: "ship",
        carrier: RETURN_CARRIERS[country] ?? "DHL",
        trackingNumber: `RT${rng.chars(10, "0123456789")}`,
      };
    case "receive":
    case "receive-part": {
      const locationCode = (p.vendor ? VENDOR_HUBS[p.vendor] : HUBS[country]) ?? "NL-VENLO";
      const [first, second] = c.lines;
      if (step === "receive" || !first) {
        return {
          type: "receive",
          locationCode,
          lines: c.lines.map((l) => ({ lineId: l.id, quantity: open(l) })),
          exceptions: [],
        };
      }
      const missing = second
        ? [{ kind: "short" as const, lineId: second.id, quantity: 1, note: "Second item not in the parcel" }]
        : [];
      return {
        type: "receive",
        locationCode,
        lines: [{ lineId: first.id, quantity: second ? open(first) : 1 }],
        exceptions: missing,
      };
    }
    case "inspect":
    case "inspect-refuse":
      return {
        type: "inspect",
        lines: c.lines.map((l) => {
          const quantity = l.counts.received - l.counts.accepted - l.counts.refused;
          if (step === "inspect-refuse") {
            const note = "Worn and washed, tags removed: sent back to the shopper";
            return {
              lineId: l.id,
              quantity,
              outcome: "refused",
              condition: "damaged",
              disposition: "return_to_shopper",
              note,
            };
          }
          const condition = rng.pick(["sealed", "like_new", "like_new", "good"] as const);
          return {
            lineId: l.id,
            quantity,
            outcome: "accepted",
            condition,
            ...(p.vendor ? { disposition: "return_to_vendor" } : {}),
          };
        }),
      };
    default:
      return { type: step };
  }
}
