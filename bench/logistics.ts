import { easyPostCarrier } from "../src/adapters/carriers/easypost-carrier.ts";
import { startEasyPostFake } from "../src/adapters/carriers/fakes/easypost-fake.ts";
import { loadLaneTable } from "../src/adapters/logistics/lane-table.ts";
import type { LabelRequest } from "../src/app/logistics/ports.ts";
import { laneEstimate } from "../src/domain/logistics/lanes.ts";
import { decideRoute } from "../src/domain/logistics/route-choice.ts";
import type { RouteCandidate, RoutingInput } from "../src/domain/logistics/routing.ts";
import { DEFAULT_ROUTING } from "../src/domain/logistics/routing-settings.ts";

const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 15), 5);
const eur = (amount: number) => ({ amount, currency: "EUR" });

/** Routing decisions per second (pure, one core): 6 locations, 3 lines, keep-it/donate/liquidate options. */
export function benchRoutingDecisions(): string {
  const lanes = loadLaneTable();
  const places: [string, RouteCandidate["kind"], string][] = [
    ["NL-WH", "warehouse", "NL"],
    ["DE-HUB", "hub", "DE"],
    ["FR-HUB", "hub", "FR"],
    ["GB-HUB", "hub", "GB"],
    ["US-WH", "warehouse", "US"],
    ["JP-HUB", "hub", "JP"],
  ];
  const inputs: RoutingInput[] = ["DE", "GB", "US", "JP", "AT", "BR"].map((country) => ({
    shopperCountry: country,
    currency: "EUR",
    lines: [1, 2, 3].map((i) => ({
      lineId: `l${i}`,
      quantity: i,
      value: eur(1_500 * i),
      reason: i === 2 ? "defective" : "changed_mind",
    })),
    candidates: places.map(([code, kind, c]) => {
      const lane = laneEstimate(lanes, country, c);
      if (!lane) throw new Error("no lane");
      return {
        code,
        kind,
        country: c,
        accepts: kind === "warehouse" ? ["*"] : [c, "AT"],
        handling: eur(150),
        lane,
        duties: eur(c === country ? 0 : 300),
      };
    }),
    settings: {
      ...DEFAULT_ROUTING,
      donate: { cost: eur(200) },
      liquidate: { percent: 30, cost: eur(500), countries: ["BR", "US"] },
    },
    rates: { EUR: "1" },
    mustReturn: false,
  }));
  let n = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) decideRoute(inputs[i % inputs.length] as RoutingInput);
    n += 1000;
  }
  return `routing decisions (pure, one core, 6 locations, 3 lines, disposal options): ${Math.round(n / ((performance.now() - start) / 1000)).toLocaleString("en")}/s`;
}

/** Label purchases per second through the EasyPost SDK against the local fake (create + buy, 4 at a time). */
export async function benchLabelPurchases(): Promise<string> {
  const fake = await startEasyPostFake();
  const carrier = easyPostCarrier({
    apiKey: fake.apiKey,
    webhookSecret: fake.webhookSecret,
    baseUrl: `${fake.url}/v2/`,
  });
  const party = (country: string) => ({
    name: "N",
    line1: "Street 1",
    city: "City",
    postalCode: "1000",
    region: null,
    country,
    email: null,
    phone: null,
  });
  const req = (i: number): LabelRequest => ({
    shipmentId: `s${i}`,
    idempotencyKey: `crossback-shipment-${i}`,
    reference: `R-${i}`,
    from: party("DE"),
    to: party("NL"),
    parcel: { weightGrams: 800, lengthCm: 30, widthCm: 20, heightCm: 10 },
    customs: null,
    rule: { rule: "cheapest" },
    progress: { providerShipmentId: null, rateId: null },
  });
  let n = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  try {
    await Promise.all(
      [0, 1, 2, 3].map(async (w) => {
        while (performance.now() < end) {
          const r = await carrier.purchase(req(w * 1_000_000 + n), async () => {});
          if (r.status !== "purchased") throw new Error(r.reason);
          n++;
        }
      }),
    );
  } finally {
    await fake.close();
  }
  return `label purchases via the EasyPost SDK against the local fake (4 concurrent, 2 HTTP calls each): ${Math.round(n / ((performance.now() - start) / 1000)).toLocaleString("en")}/s`;
}
