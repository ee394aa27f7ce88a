import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide } from "../../src/domain/case-decide.ts";
import { openCase, returnableQuantity } from "../../src/domain/case-opening.ts";
import { allowedCommands, CASE_STATUSES } from "../../src/domain/case-status.ts";
import { deliveredQuantity, type Order } from "../../src/domain/order.ts";
import {
  type CaseCommand,
  type CaseEvent,
  heldQuantity,
  type ReturnCase,
} from "../../src/domain/return-case.ts";
import { CONDITION_GRADES, RESOLUTIONS, RETURN_REASONS } from "../../src/domain/return-reasons.ts";

const AT = new Date("2026-03-20T10:00:00Z");
const actor = { kind: "agent", id: "a1" } as const;
const eur = (amount: number) => ({ amount, currency: "EUR" });

const orderArb = fc
  .array(fc.record({ quantity: fc.integer({ min: 1, max: 4 }), delivered: fc.integer({ min: 0, max: 4 }) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map(
    (lines): Order => ({
      id: "o1",
      merchantId: "m1",
      externalId: "O-1",
      customerId: "c1",
      customerTimeZone: "Europe/Berlin",
      customerLocale: "de-DE",
      placedAt: new Date("2026-03-01T00:00:00Z"),
      currency: "EUR",
      taxesIncluded: true,
      shippingAddress: { country: "DE", region: null, postalCode: null, city: null, line1: null },
      lines: lines.map((l, i) => ({
        id: `ol${i}`,
        externalId: `L${i}`,
        sku: `SKU${i}`,
        title: `Item ${i}`,
        quantity: l.quantity,
        unitPrice: eur(1000),
        tax: eur(0),
        discount: eur(0),
        product: null,
      })),
      shipping: { amount: eur(0), tax: eur(0), method: null, cheapestStandardAmount: null },
      duties: null,
      tenders: [],
      fulfilments: [
        {
          id: "f1",
          externalId: "F1",
          lines: lines.map((l, i) => ({
            orderLineId: `ol${i}`,
            quantity: Math.min(l.delivered, l.quantity),
          })),
          shippedAt: new Date("2026-03-02T00:00:00Z"),
          deliveredAt: new Date("2026-03-03T00:00:00Z"),
          carrier: null,
          trackingNumber: null,
        },
      ],
      returnTermsDisclosed: true,
    }),
  );

/** A step: open a new case, or run a command on case `target` with random quantities. */
const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant("open" as const),
    line: fc.nat(3),
    quantity: fc.integer({ min: -1, max: 5 }),
    resolution: fc.constantFrom(...RESOLUTIONS),
    reason: fc.constantFrom(...RETURN_REASONS),
  }),
  fc.record({
    kind: fc.constant("command" as const),
    target: fc.nat(5),
    type: fc.constantFrom(
      "approve",
      "reject",
      "review",
      "cancel",
      "ship",
      "receive",
      "inspect",
      "resolve",
      "close",
      "expire",
    ),
    /** Most steps pick among the commands the status allows, so sequences get deep into the lifecycle. */
    allowedPick: fc.option(fc.nat(9), { freq: 4 }),
    quantity: fc.oneof(fc.constant(1), fc.integer({ min: -1, max: 5 })),
    partial: fc.boolean(),
    condition: fc.constantFrom(...CONDITION_GRADES),
    refused: fc.boolean(),
    lost: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  }),
);

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;
type CommandStep = Extract<Step, { kind: "command" }>;

function command(c: ReturnCase, step: CommandStep, available: Map<string, number>): CaseCommand {
  const allowed = allowedCommands(c.status);
  const s =
    step.allowedPick !== null && allowed.length > 0
      ? { ...step, type: allowed[step.allowedPick % allowed.length] ?? step.type }
      : step;
  const line = c.lines[0];
  const lineId = line?.id ?? "none";
  const lines = s.partial ? [{ lineId, quantity: s.quantity }] : undefined;
  switch (s.type) {
    case "approve":
      return { type: "approve", lines, shipBy: new Date(AT.getTime() + 86_400_000), available };
    case "ship":
      return { type: "ship", lines };
    case "receive":
      return s.lost
        ? { type: "receive", lines: [], exceptions: [{ kind: "lost", lineId, quantity: s.quantity }] }
        : { type: "receive", lines: [{ lineId, quantity: s.quantity }] };
    case "inspect":
      return {
        type: "inspect",
        lines: [
          {
            lineId,
            quantity: s.quantity,
            outcome: s.refused ? "refused" : "accepted",
            condition: s.condition,
          },
        ],
      };
    case "resolve":
      return { type: "resolve", lines: lines?.map((l) => ({ ...l, resolution: "refund" as const })) };
    default:
      return { type: s.type };
  }
}

describe("return-case invariants under random command sequences", () => {
  it("hold after every accepted command (1, 2, 6, 9, 10) and refused commands change nothing", () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(orderArb, fc.array(stepArb, { minLength: 1, maxLength: 40 }), (order, steps) => {
        const cases: ReturnCase[] = [];
        const logs: CaseEvent[][] = [];
        const frozen: { decision: unknown; customer: string; vendor: string | null; currency: string }[] = [];
        const heldBy = (except: string | null) => {
          const held = new Map<string, number>();
          for (const c of cases)
            if (c.id !== except)
              for (const l of c.lines)
                held.set(l.orderLineId, (held.get(l.orderLineId) ?? 0) + heldQuantity(c.status, l));
          return held;
        };
        for (const [n, s] of steps.entries()) {
          if (s.kind === "open") {
            const ol = order.lines[s.line % order.lines.length];
            if (!ol) continue;
            const r = openCase({
              ids: { caseId: `c${n}`, number: `R-${n}`, lineIds: [`c${n}-l0`] },
              order,
              lines: [{ orderLineExternalId: ol.externalId, quantity: s.quantity, reason: s.reason }],
              requestedResolution: s.resolution,
              source: "api",
              heldElsewhere: heldBy(null),
              decision: { policy: "p1", at: n },
              actor,
              at: AT,
            });
            if (!r.ok) continue;
            cases.push(r.value.case);
            logs.push([...r.value.events]);
            frozen.push({
              decision: structuredClone(r.value.case.decision),
              customer: r.value.case.customerId,
              vendor: r.value.case.vendor,
              currency: r.value.case.currency,
            });
          } else {
            const i = s.target % Math.max(cases.length, 1);
            const c = cases[i];
            if (!c) continue;
            const held = heldBy(c.id);
            const available = new Map(
              c.lines.map((l) => [l.orderLineId, returnableQuantity(order, l.orderLineId, held, AT)]),
            );
            const before = structuredClone(c);
            const later = new Date(AT.getTime() + 2 * 86_400_000);
            const cmd = command(c, s, available);
            const r = decide(c, cmd, { actor, at: cmd.type === "expire" ? later : AT, reason: "r" });
            if (!r.ok) {
              expect(c).toEqual(before); // refused: nothing changed
              continue;
            }
            const next = r.value.case;
            // 10: one more event per command, appended; the version counts them.
            expect(r.value.events).toHaveLength(1);
            expect(r.value.events[0]?.fromStatus).toBe(c.status);
            expect(r.value.events[0]?.toStatus).toBe(next.status);
            expect(next.version).toBe(c.version + 1);
            logs[i]?.push(...r.value.events);
            reached.add(next.status);
            cases[i] = next;
          }
          for (const [k, c] of cases.entries()) {
            expect(CASE_STATUSES).toContain(c.status);
            expect(logs[k]).toHaveLength(c.version);
            // 6 and 9: the frozen decision, the customer, vendor and currency never change.
            expect(c.decision).toEqual(frozen[k]?.decision);
            expect([c.customerId, c.vendor, c.currency]).toEqual([
              frozen[k]?.customer,
              frozen[k]?.vendor,
              frozen[k]?.currency,
            ]);
            for (const l of c.lines) {
              const q = l.counts;
              // 2: requested ≥ approved; received ≤ approved; accepted + refused ≤ received; resolved ≤ what may be resolved.
              expect(q.approved + q.rejected).toBeLessThanOrEqual(q.requested);
              expect(q.shipped).toBeLessThanOrEqual(q.approved);
              expect(q.received + q.lost).toBeLessThanOrEqual(q.approved);
              expect(q.accepted + q.refused).toBeLessThanOrEqual(q.received);
              expect(q.resolved).toBeLessThanOrEqual(c.returnRequired ? q.accepted + q.lost : q.approved);
              for (const v of Object.values(q)) expect(v).toBeGreaterThanOrEqual(0);
            }
          }
          // 1: per order line, what all live cases hold never exceeds what was delivered.
          const held = heldBy(null);
          for (const ol of order.lines)
            expect(held.get(ol.id) ?? 0).toBeLessThanOrEqual(deliveredQuantity(order, ol.id, AT));
        }
      }),
      // A fixed seed: the check below, that the sequences got far enough, is then the same on every
      // run (with a random one, a run of CI once reached no `received` case at all). The second
      // property below walks whole lifecycles with a random seed.
      { numRuns: 600, seed: 20261207 },
    );
    // Sequences must get past the first decisions, or the checks above prove little.
    for (const s of ["awaiting_shipment", "received", "cancelled", "rejected"])
      expect(reached, s).toContain(s);
  });

  it("hold along whole lifecycles with random partial quantities", () => {
    fc.assert(
      fc.property(
        orderArb,
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        (order, q, refuse) => {
          const ol = order.lines.find((l) => deliveredQuantity(order, l.id, AT) > 0);
          if (!ol) return;
          const delivered = deliveredQuantity(order, ol.id, AT);
          const opened = openCase({
            ids: { caseId: "c1", number: "R-1", lineIds: ["l1"] },
            order,
            lines: [
              {
                orderLineExternalId: ol.externalId,
                quantity: Math.min(delivered, 1 + (q[0] ?? 0)),
                reason: "wrong_size",
              },
            ],
            requestedResolution: "refund",
            source: "api",
            heldElsewhere: new Map(),
            decision: { frozen: true },
            actor,
            at: AT,
          });
          if (!opened.ok) throw new Error(JSON.stringify(opened.error));
          let c = opened.value.case;
          const requested = c.lines[0]?.counts.requested ?? 0;
          const approve = Math.max(1, Math.min(requested, q[1] ?? 1));
          const received = Math.min(approve, q[2] ?? 0);
          const inspected = Math.min(received, q[3] ?? 0);
          const steps: CaseCommand[] = [
            {
              type: "approve",
              lines: [{ lineId: "l1", quantity: approve }],
              shipBy: null,
              available: new Map([[ol.id, delivered]]),
            },
            { type: "ship" },
            ...(received > 0
              ? [{ type: "receive" as const, lines: [{ lineId: "l1", quantity: received }] }]
              : []),
            ...(inspected > 0
              ? [
                  {
                    type: "inspect" as const,
                    lines: [
                      {
                        lineId: "l1",
                        quantity: inspected,
                        outcome: refuse ? ("refused" as const) : ("accepted" as const),
                        condition: "good" as const,
                      },
                    ],
                  },
                ]
              : []),
            ...(inspected > 0 && !refuse ? [{ type: "resolve" as const }, { type: "close" as const }] : []),
          ];
          for (const step of steps) {
            const r = decide(c, step, { actor, at: AT });
            if (!r.ok) throw new Error(`${step.type}: ${JSON.stringify(r.error)}`);
            c = r.value.case;
            const k = c.lines[0]?.counts;
            if (!k) throw new Error("no line");
            expect(k.approved + k.rejected).toBe(k.requested);
            expect(k.received + k.lost).toBeLessThanOrEqual(k.approved);
            expect(k.accepted + k.refused).toBeLessThanOrEqual(k.received);
            expect(k.resolved).toBeLessThanOrEqual(k.accepted + k.lost);
            expect(c.decision).toEqual({ frozen: true });
          }
          const expected =
            inspected > 0 && !refuse
              ? "closed"
              : inspected > 0
                ? "inspected"
                : received > 0
                  ? "received"
                  : "in_transit";
          expect(c.status).toBe(expected);
          expect(c.version).toBe(1 + steps.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
