/**
 * A loose guard on the cost of judgeStatutory (the whole engine must reach 100,000 line decisions
 * per second; measured here at several hundred thousand). The bound is far below that so the test
 * does not flake on a busy machine, but a per-call regression by an order of magnitude fails it.
 */
import { expect, test } from "vitest";
import { judgeStatutory } from "../../../src/domain/statutory/evaluate-statutory.ts";
import type { StatutoryLineFacts } from "../../../src/domain/statutory/statutory-facts.ts";
import { facts } from "./facts.ts";

test("judgeStatutory decides at least 50,000 lines per second", () => {
  const places: [string, string | null][] = [
    ["DE", "BY"],
    ["FR", null],
    ["MX", null],
    ["US", "CA"],
    ["JP", null],
    ["GB", null],
  ];
  const sample: StatutoryLineFacts[] = [];
  for (let i = 0; i < 1000; i++) {
    const [country, region] = places[i % places.length] as [string, string | null];
    const f = facts(country, "2026-03-02", "2026-03-05", {
      region,
      reason: i % 2 ? "defective" : "changed_mind",
    });
    sample.push({
      ...f,
      at: new Date(f.at.getTime() + (i % 400) * 3_600_000),
      returnPolicyPosted: i % 3 === 0,
    });
  }
  for (const f of sample) judgeStatutory(f); // warm caches and the JIT
  const n = 50_000;
  const started = performance.now();
  for (let i = 0; i < n; i++) judgeStatutory(sample[i % sample.length] as StatutoryLineFacts);
  const perSecond = n / ((performance.now() - started) / 1000);
  expect(perSecond).toBeGreaterThan(50_000);
});
