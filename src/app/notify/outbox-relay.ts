import { retryDelayMs } from "../../domain/notify/backoff.ts";
import type { Deps } from "../ports/index.ts";
import { consumersFor } from "./consumers.ts";
import type { NotifyDeps, OutboxConsumer } from "./ports.ts";
import type { OutboxLease } from "./records.ts";

export type DrainOutcome =
  | { readonly status: "idle" }
  | { readonly status: "busy" }
  | { readonly status: "settled" }
  | { readonly status: "retry"; readonly retryAt: Date | null };

const BATCH = 100;

/**
 * Delivers a case's outstanding events to every consumer, in order (sequence number), one relay per
 * case (a lease). A consumer's progress is saved after each event, so a crash re-delivers at most the
 * event in flight (at least once, never lost); a failing consumer waits with exponential backoff while
 * the others go on.
 */
export async function drainCase(deps: Deps, caseId: string): Promise<DrainOutcome> {
  const notify = deps.notify;
  if (!notify) return { status: "idle" };
  const outbox = deps.store.read.outbox;
  const token = deps.ids.next();
  const now = deps.clock.now();
  const lease = await outbox.lease(caseId, token, now, new Date(now.getTime() + notify.settings.leaseMs));
  if (!lease) return { status: "busy" };
  const held: Held = { ...lease, until: new Date(now.getTime() + notify.settings.leaseMs) };
  let settled = true;
  let retryAt: Date | null = null;
  try {
    if (lease.lastSeq > lease.settledSeq) {
      for (const consumer of await consumersFor(deps, lease.merchantId)) {
        const r = await drainConsumer(deps, notify, consumer, held);
        if (r === "lost") return { status: "busy" };
        if (r === true) continue;
        settled = false;
        if (r && (!retryAt || r < retryAt)) retryAt = r;
      }
    }
  } catch (e) {
    // A bug or the database: give the case back so that another attempt can come soon.
    const soon = new Date(deps.clock.now().getTime() + notify.settings.retryBaseMs);
    await outbox.release(caseId, token, lease.settledSeq, soon, deps.clock.now());
    throw e;
  }
  await outbox.release(
    caseId,
    token,
    settled ? lease.lastSeq : lease.settledSeq,
    settled ? null : retryAt,
    deps.clock.now(),
  );
  if (lease.lastSeq <= lease.settledSeq) return { status: "idle" };
  return settled ? { status: "settled" } : { status: "retry", retryAt };
}

/** The lease and until when it is surely ours (no other relay can take it before). */
type Held = OutboxLease & { until: Date };

/**
 * Keeps the lease: renewed (one statement) only once less than half of it is left, so a drain of a few
 * events is not a round trip per event; false when another relay took the case over.
 */
async function keep(deps: Deps, notify: NotifyDeps, lease: Held): Promise<boolean> {
  const now = deps.clock.now().getTime();
  if (lease.until.getTime() - now > notify.settings.leaseMs / 2) return true;
  const until = new Date(now + notify.settings.leaseMs);
  if (!(await deps.store.read.outbox.renew(lease.caseId, lease.token, until))) return false;
  lease.until = until;
  return true;
}

/** true: caught up; a Date (or null): retry then; "lost": another relay took the case over. */
async function drainConsumer(
  deps: Deps,
  notify: NotifyDeps,
  consumer: OutboxConsumer,
  lease: Held,
): Promise<true | Date | null | "lost"> {
  const outbox = deps.store.read.outbox;
  const saved = await outbox.progress(consumer.name, lease.caseId);
  let p = saved ?? { deliveredSeq: 0, attempts: 0, retryAt: null, lastError: null };
  if (p.retryAt && p.retryAt > deps.clock.now()) return p.retryAt;
  // Progress past quiet events (nothing done) is saved with the next event that did something, or at the end.
  let unsaved = false;
  const save = async () => {
    unsaved = false;
    await outbox.saveProgress(consumer.name, lease.caseId, p, deps.clock.now());
  };
  while (p.deliveredSeq < lease.lastSeq) {
    const events = await outbox.eventsAfter(lease.caseId, p.deliveredSeq, lease.lastSeq, BATCH);
    if (events.length === 0) break;
    for (const e of events) {
      if (!(await keep(deps, notify, lease))) return "lost";
      const r = await consumer.deliver({ ...e, merchantId: lease.merchantId });
      if (!r.ok) {
        const attempts = p.attempts + 1;
        const delay = retryDelayMs(attempts, notify.settings.retryBaseMs, notify.settings.retryMaxMs);
        const retryAt = new Date(deps.clock.now().getTime() + delay);
        p = { ...p, attempts, retryAt, lastError: r.error.slice(0, 1000) };
        await save();
        return retryAt;
      }
      p = { deliveredSeq: e.seq, attempts: 0, retryAt: null, lastError: null };
      if (r.quiet) unsaved = true;
      else await save();
    }
  }
  if (unsaved) await save();
  return true;
}

/** Cases the relay should look at now (undelivered events, no live lease, retry time reached). */
export function dueCases(deps: Deps, limit: number): Promise<string[]> {
  return deps.store.read.outbox.due(deps.clock.now(), limit);
}
