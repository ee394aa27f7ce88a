import { describe, expect, it } from "vitest";
import { localBatchRuns, localRuns } from "../../src/jobs/local-runs.ts";

/** A run that waits until the test lets it finish, and what each key's run answers. */
function gate() {
  const started: string[] = [];
  const finish = new Map<string, (wait: number | null) => void>();
  const run = (key: string) =>
    new Promise<number | null>((resolve, reject) => {
      started.push(key);
      finish.set(key, (wait) => (key.startsWith("bad") ? reject(new Error("boom")) : resolve(wait)));
    });
  return { started, finish, run };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Local runs over a gate, with what they hand to the queue recorded as [key, afterSeconds]. */
function runsOf(concurrency: number, maxWaiting?: number) {
  const g = gate();
  const queued: [string, number][] = [];
  const requeue = async (key: string, after: number) => {
    queued.push([key, after]);
  };
  const runs = localRuns("test", concurrency, g.run, requeue, maxWaiting);
  return { g, queued, runs };
}

describe("local runs", () => {
  it("runs at most `concurrency` keys at once, each once however often it is pushed while waiting", async () => {
    const { g, queued, runs } = runsOf(2);
    for (const key of ["a", "b", "c", "c", "d"]) runs.push(key);
    expect(g.started).toEqual(["a", "b"]);
    g.finish.get("a")?.(null);
    await tick();
    expect(g.started).toEqual(["a", "b", "c"]);
    g.finish.get("b")?.(null);
    g.finish.get("c")?.(null);
    await tick();
    g.finish.get("d")?.(null);
    await runs.stop();
    expect(g.started).toEqual(["a", "b", "c", "d"]);
    expect(queued).toEqual([]);
  });

  it("hands a key to the queue when `maxWaiting` keys already wait, and runs the rest here", async () => {
    const { g, queued, runs } = runsOf(1, 2);
    // "a" runs at once; "b" and "c" wait (two); "d" finds two waiting and goes to the queue; "c" again is
    // already waiting and stays.
    for (const key of ["a", "b", "c", "d", "c"]) runs.push(key);
    await tick();
    expect(queued).toEqual([["d", 0]]);
    for (const key of ["a", "b", "c"]) {
      g.finish.get(key)?.(null);
      await tick();
    }
    await runs.stop();
    expect(g.started).toEqual(["a", "b", "c"]);
    expect(queued).toEqual([["d", 0]]);
  });

  it("hands to the queue what a run asks to retry, and a failed run after a second", async () => {
    const { g, queued, runs } = runsOf(4);
    runs.push("later");
    runs.push("bad-one");
    g.finish.get("later")?.(7);
    g.finish.get("bad-one")?.(null);
    await runs.stop();
    expect(queued.sort()).toEqual([
      ["bad-one", 1],
      ["later", 7],
    ]);
  });

  it("on stop, hands what waits and what comes to the queue, and waits for the runs in flight", async () => {
    const { g, queued, runs } = runsOf(1);
    runs.push("running");
    runs.push("waiting");
    let stopped = false;
    const stopping = runs.stop().then(() => {
      stopped = true;
    });
    runs.push("after stop");
    await tick();
    expect(stopped).toBe(false);
    expect(queued).toEqual([
      ["waiting", 0],
      ["after stop", 0],
    ]);
    g.finish.get("running")?.(null);
    await stopping;
    expect(g.started).toEqual(["running"]);
  });

  it("a queue that refuses loses only the wake-up: it is logged, not thrown", async () => {
    const g = gate();
    const runs = localRuns("test", 1, g.run, async () => {
      throw new Error("queue down");
    });
    await runs.stop();
    expect(() => runs.push("x")).not.toThrow();
    await tick();
    expect(g.started).toEqual([]);
  });
});

describe("local batch runs", () => {
  /** Batch runs over a gate per batch: each batch's keys, and its finish (answers by key, or a failure). */
  function batchesOf(lanes: number, batch: number) {
    const batches: string[][] = [];
    const finish: ((waits: Record<string, number> | Error) => void)[] = [];
    const queued: [string, number][] = [];
    const runs = localBatchRuns(
      "test",
      { lanes, batch },
      (keys) =>
        new Promise((resolve, reject) => {
          batches.push([...keys]);
          finish.push((w) => (w instanceof Error ? reject(w) : resolve(new Map(Object.entries(w)))));
        }),
      async (key, after) => {
        queued.push([key, after]);
      },
    );
    return { batches, finish, queued, runs };
  }

  it("runs one key at once while the lanes are free, then what waited, up to `batch` keys a run", async () => {
    const { batches, finish, queued, runs } = batchesOf(1, 3);
    for (const key of ["a", "b", "c", "b", "d", "e"]) runs.push(key);
    expect(batches).toEqual([["a"]]);
    finish[0]?.({});
    await tick();
    expect(batches).toEqual([["a"], ["b", "c", "d"]]);
    // "a" pushed again while the second run is in flight waits for the next run.
    runs.push("a");
    finish[1]?.({ c: 4 });
    await tick();
    expect(batches).toEqual([["a"], ["b", "c", "d"], ["e", "a"]]);
    finish[2]?.({});
    await runs.stop();
    expect(queued).toEqual([["c", 4]]);
  });

  it("a key in a run in flight is not run again until that run ends; a failed run hands all its keys over", async () => {
    const { batches, finish, queued, runs } = batchesOf(2, 5);
    runs.push("x");
    runs.push("y");
    runs.push("x");
    expect(batches).toEqual([["x"], ["y"]]);
    finish[0]?.(new Error("database down"));
    await tick();
    expect(batches).toEqual([["x"], ["y"], ["x"]]);
    finish[1]?.({});
    finish[2]?.({});
    await runs.stop();
    expect(queued).toEqual([["x", 1]]);
  });
});
