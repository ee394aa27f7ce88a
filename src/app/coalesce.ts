/** How `coalesce` groups calls into rounds. */
export interface CoalesceOptions<I> {
  /** Rounds running at once. */
  readonly lanes: number;
  /** Most calls one round takes. */
  readonly batch: number;
  /** Calls with the same key never share a round, nor run while another round has one. */
  readonly key: (item: I) => string;
  /** A round takes calls of one group only (the first waiting call's). */
  readonly group: (item: I) => string;
}

interface Waiting<I, O> {
  readonly item: I;
  resolve(value: O): void;
  reject(reason: unknown): void;
}

/**
 * Calls made while a round runs wait for the next one, which serves them all: one call at a time
 * while the load is light (no added wait: a free lane runs it at once), many per round when calls
 * arrive faster than rounds end, so that a round's few statements serve all of them. `run` answers
 * one settled result per item, in order: a call's failure is its own.
 */
export function coalesce<I, O>(
  options: CoalesceOptions<I>,
  run: (items: readonly I[]) => Promise<readonly PromiseSettledResult<O>[]>,
): (item: I) => Promise<O> {
  const waiting: Waiting<I, O>[] = [];
  const active = new Set<string>();
  let lanes = 0;

  const take = (): Waiting<I, O>[] => {
    const round: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    let group: string | undefined;
    for (let i = 0; i < waiting.length && round.length < options.batch; i++) {
      const w = waiting[i] as Waiting<I, O>;
      const key = options.key(w.item);
      if (active.has(key) || keys.has(key)) continue;
      const g = options.group(w.item);
      if (group !== undefined && g !== group) continue;
      group = g;
      keys.add(key);
      round.push(w);
      waiting.splice(i--, 1);
    }
    for (const key of keys) active.add(key);
    return round;
  };

  const once = async (round: readonly Waiting<I, O>[]) => {
    try {
      const settled = await run(round.map((w) => w.item));
      round.forEach((w, i) => {
        const s = settled[i];
        if (!s) w.reject(new Error("a coalesced round answered fewer results than calls"));
        else if (s.status === "fulfilled") w.resolve(s.value);
        else w.reject(s.reason);
      });
    } catch (e) {
      for (const w of round) w.reject(e);
    }
  };

  const next = () => {
    while (lanes < options.lanes) {
      const round = take();
      if (round.length === 0) return;
      lanes++;
      void once(round).finally(() => {
        lanes--;
        for (const w of round) active.delete(options.key(w.item));
        next();
      });
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      next();
    });
}
