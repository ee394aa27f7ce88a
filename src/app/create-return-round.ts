import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { ok, type Result } from "../domain/result.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import { splitByVendor } from "../domain/vendor-split.ts";
import { coalesce } from "./coalesce.ts";
import {
  type CreateReturnInput,
  decideOpening,
  type Opening,
  type Prepared,
  prepareReturn,
} from "./create-return.ts";
import { createReturns, type OpenedReturn } from "./create-return-group.ts";
import type { Deps, Store } from "./ports/index.ts";

export interface NewReturn {
  readonly merchantId: string;
  readonly input: CreateReturnInput;
  readonly actor: Actor;
}

type Opened = Result<OpenedReturn, DomainError>;

/** Rounds at once (each holds a connection while it writes) and most creations a round takes. */
const LANES = 2;
const BATCH = 25;

const settle = async <T>(p: Promise<T>): Promise<PromiseSettledResult<T>> =>
  p.then(
    (value) => ({ status: "fulfilled", value }),
    (reason: unknown) => ({ status: "rejected", reason }),
  );

/** One case as createReturns answers it (no group; every line of the request). */
const single = (c: ReturnCase, lines: number): Opened =>
  ok({ groupId: null, cases: [{ case: c, positions: Array.from({ length: lines }, (_, i) => i) }] });

/**
 * Opens the returns of one round: creations of one merchant, each of another order, that arrived
 * together. What createReturns does for one, done for all with the statements shared: one read of
 * every order with its case number, then one transaction that locks the orders (in id order), reads
 * their held units again, re-checks each decision and inserts each case. A refusal is its creation's
 * alone (nothing of it is written); a split by vendor goes the single way (createReturns). Should the
 * shared transaction fail, each creation is tried alone, so that one creation's fault is not the others'.
 */
export async function openReturnRound(
  deps: Deps,
  merchantId: string,
  items: readonly NewReturn[],
): Promise<PromiseSettledResult<Opened>[]> {
  const loaded = await deps.store.read.orders.forNewReturns(
    merchantId,
    items.map((x) => x.input.orderExternalId),
  );
  const results: (PromiseSettledResult<Opened> | undefined)[] = items.map(() => undefined);
  const ready: { readonly i: number; readonly prepared: Prepared }[] = [];
  for (const [i, x] of items.entries()) {
    const inputs = loaded.get(x.input.orderExternalId) ?? null;
    if (inputs && splitByVendor(inputs.order, x.input.lines).length > 1) {
      results[i] = await settle(createReturns(deps, merchantId, x.input, x.actor));
      continue;
    }
    const prepared = await settle(prepareReturn(deps, merchantId, x.input, inputs));
    if (prepared.status === "rejected" || !prepared.value.ok)
      results[i] = prepared as PromiseSettledResult<Opened>;
    else ready.push({ i, prepared: prepared.value.value });
  }
  if (ready.length > 0) {
    try {
      const opened = await deps.store.transaction(async (r) => {
        const ids = ready.map((x) => x.prepared.evaluated.order.id);
        await r.orders.lockAll(merchantId, ids);
        const states = await r.orders.returnStates(merchantId, ids);
        const out: Opened[] = [];
        const opened: Opening[] = [];
        for (const { i, prepared } of ready) {
          const { input, actor } = items[i] as NewReturn;
          const state = states.get(prepared.evaluated.order.id);
          const o = await decideOpening(deps, r, merchantId, input, actor, prepared, state);
          if (o.ok) opened.push(o.value);
          out.push(o.ok ? single(o.value.case, input.lines.length) : o);
        }
        await r.cases.insertMany(opened.map((o) => ({ c: o.case, events: o.events })));
        return out;
      });
      ready.forEach(({ i }, k) => {
        results[i] = { status: "fulfilled", value: opened[k] as Opened };
      });
    } catch {
      for (const { i } of ready) {
        const x = items[i] as NewReturn;
        results[i] = await settle(createReturns(deps, merchantId, x.input, x.actor));
      }
    }
  }
  return results.map(
    (r) => r ?? { status: "rejected", reason: new Error("a creation of the round was left out") },
  );
}

const openers = new WeakMap<Store, (x: NewReturn) => Promise<Opened>>();

/**
 * createReturns through this process's rounds (one per store): what POST /returns without an
 * Idempotency-Key calls. Creations of the same order never share a round; each waits for the one before.
 */
export function createReturnInRound(deps: Deps, x: NewReturn): Promise<Opened> {
  let open = openers.get(deps.store);
  if (!open) {
    open = coalesce<NewReturn, Opened>(
      {
        lanes: LANES,
        batch: BATCH,
        key: (n) => `${n.merchantId}\u0000${n.input.orderExternalId}`,
        group: (n) => n.merchantId,
      },
      (round) => openReturnRound(deps, round[0]?.merchantId ?? "", round),
    );
    openers.set(deps.store, open);
  }
  return open(x);
}
