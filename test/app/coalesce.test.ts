import { describe, expect, it } from "vitest";
import { coalesce } from "../../src/app/coalesce.ts";

interface Call {
  readonly group: string;
  readonly key: string;
  readonly n: number;
}

/** A round runner that records its rounds and finishes each when told. */
function recorder(answer: (c: Call) => PromiseSettledResult<number> = (c) => ({ status: "fulfilled", value: c.n })) {
  const rounds: number[][] = [];
  const finishers: (() => void)[] = [];
  const run = (items: readonly Call[]) =>
    new Promise<PromiseSettledResult<number>[]>((done) => {
      rounds.push(items.map((c) => c.n));
      finishers.push(() => done(items.map(answer)));
    });
  return { rounds, run, finishNext: () => finishers.shift()?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const call = (n: number, key = `k${n}`, group = "g"): Call => ({ n, key, group });

describe("coalesce", () => {
  it("runs a call at once on a free lane and takes what waited into the next round", async () => {
    const r = recorder();
    const open = coalesce<Call, number>({ lanes: 1, batch: 10, key: (c) => c.key, group: (c) => c.group }, r.run);
    const first = open(call(1));
    const later = [open(call(2)), open(call(3)), open(call(4))];
    await tick();
    expect(r.rounds).toEqual([[1]]);
    r.finishNext();
    expect(await first).toBe(1);
    await tick();
    expect(r.rounds).toEqual([[1], [2, 3, 4]]);
    r.finishNext();
    expect(await Promise.all(later)).toEqual([2, 3, 4]);
  });

  it("keeps calls of one key apart and rounds to one group, up to the batch", async () => {
    const r = recorder();
    const open = coalesce<Call, number>({ lanes: 1, batch: 2, key: (c) => c.key, group: (c) => c.group }, r.run);
    const all = [
      open(call(1, "a")),
      open(call(2, "a")),
      open(call(3, "b", "other")),
      open(call(4, "c")),
      open(call(5, "d")),
    ];
    for (let i = 0; i < 4; i++) {
      await tick();
      r.finishNext();
    }
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5]);
    // Round 1 runs 1 alone; then 2 (same key as 1, now done) with 4 (group g; 3 is another group),
    // then 3 alone (its group), then 5.
    expect(r.rounds).toEqual([[1], [2, 4], [3], [5]]);
  });

  it("does not run a key while another lane runs it", async () => {
    const r = recorder();
    const open = coalesce<Call, number>({ lanes: 2, batch: 5, key: (c) => c.key, group: (c) => c.group }, r.run);
    const a = open(call(1, "a"));
    const b = open(call(2, "a"));
    await tick();
    expect(r.rounds).toEqual([[1]]);
    r.finishNext();
    await a;
    await tick();
    expect(r.rounds).toEqual([[1], [2]]);
    r.finishNext();
    expect(await b).toBe(2);
  });

  it("gives each call its own failure, and a failed round's error to all of its calls", async () => {
    const r = recorder((c) =>
      c.n === 2 ? { status: "rejected", reason: new Error("two") } : { status: "fulfilled", value: c.n },
    );
    const open = coalesce<Call, number>({ lanes: 1, batch: 5, key: (c) => c.key, group: (c) => c.group }, r.run);
    const first = open(call(1));
    const two = open(call(2));
    const three = open(call(3));
    await tick();
    r.finishNext();
    await tick();
    r.finishNext();
    expect(await first).toBe(1);
    await expect(two).rejects.toThrow("two");
    expect(await three).toBe(3);

    const broken = coalesce<Call, number>({ lanes: 1, batch: 5, key: (c) => c.key, group: (c) => c.group }, () =>
      Promise.reject(new Error("round failed")),
    );
    await expect(Promise.all([broken(call(1)), broken(call(2))])).rejects.toThrow("round failed");
  });
});
