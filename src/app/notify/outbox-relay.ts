import { retryDelayMs } from "../../domain/notify/backoff.ts";
import type { Deps } from "../ports/index.ts";
import { consumersFor } from "./consumers.ts";
import type { NotifyDeps, OutboxConsumer } from "./ports.ts";
import type { OutboxLease, SavedProgress } from "./records.ts";

export type DrainOutcome =
  | { readonly status: "idle" }
  | { readonly status: "busy" }
  | { readonly status: "settled" }
  | { readonly status: "retry"; readonly retryAt: Date | null };

const BATCH = 100;

/**
 * Delivers a case's outstanding events to every consumer, in order (sequence number), one relay per
 * case (a lease). A consumer's progress is saved after each event that did something, so a crash
 * re-delivers at most the event in flight (at least once, never lost); a consumer that records its
 * deliveries itself (`recordsDeliveries`) and events that needed nothing are saved with the release.
 * A failing consumer waits with exponential backoff while the others go on.
 */
export async function drainCase(deps: Deps, caseId: string): Promise<DrainOutcome> {
  const notify = deps.notify;
  if (!notify) return { status: "idle" };
  const outbox = deps.store.read.outbox;
  const token = deps.ids.next();
  const now = deps.clock.now();
  const until = new Date(now.getTime() + notify.settings.leaseMs);
  const lease = await outbox.lease(caseId, token, now, until, BATCH);
  if (!lease) return { status: "busy" };
  const held: Held = { ...lease, until };
  const unsaved: SavedProgress[] = [];
  let settled = true;
  let retryAt: Date | null = null;
  try {
    if (lease.lastSeq > lease.settledSeq) {
      for (const consumer of await consumersFor(deps, lease.merchantId)) {
        const r = await drainConsumer(deps, notify, consumer, held, unsaved);
        if (r === "lost") return { status: "busy" };
        if (r === true) continue;
        settled = false;
        if (r && (!retryAt || r < retryAt)) retryAt = r;
      }
    }
  } catch (e) {
    // A bug or the database: give the case back so that another attempt can come soon.
    const soon = new Date(deps.clock.now().getTime() + notify.settings.retryBaseMs);
    await outbox.release(caseId, token, lease.settledSeq, soon, deps.clock.now(), unsaved);
    throw e;
  }
  await outbox.release(
    caseId,
    token,
    settled ? lease.lastSeq : lease.settledSeq,
    settled ? null : retryAt,
    deps.clock.now(),
    unsaved,
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

/**
 * true: caught up; a Date (or null): retry then; "lost": another relay took the case over. Progress to
 * save with the release goes into `unsaved`.
 */
async function drainConsumer(
  deps: Deps,
  notify: NotifyDeps,
  consumer: OutboxConsumer,
  lease: Held,
  unsaved: SavedProgress[],
): Promise<true | Date | null | "lost"> {
  const outbox = deps.store.read.outbox;
  let p = lease.progress[consumer.name] ?? { deliveredSeq: 0, attempts: 0, retryAt: null, lastError: null };
  if (p.retryAt && p.retryAt > deps.clock.now()) return p.retryAt;
  let pending = false;
  // The lease read the events after the case's settled mark; a consumer behind it (a new one) reads its own.
  let events =
    p.deliveredSeq >= lease.settledSeq
      ? lease.events.filter((e) => e.seq > p.deliveredSeq)
      : await outbox.eventsAfter(lease.caseId, p.deliveredSeq, lease.lastSeq, BATCH);
  while (events.length > 0) {
    for (const e of events) {
      if (!(await keep(deps, notify, lease))) return "lost";
      const r = await consumer.deliver({ ...e, merchantId: lease.merchantId });
      if (!r.ok) {
        const attempts = p.attempts + 1;
        const delay = retryDelayMs(attempts, notify.settings.retryBaseMs, notify.settings.retryMaxMs);
        const retryAt = new Date(deps.clock.now().getTime() + delay);
        p = { ...p, attempts, retryAt, lastError: r.error.slice(0, 1000) };
        await consumer.flush?.();
        await outbox.saveProgress(consumer.name, lease.caseId, p, deps.clock.now());
        return retryAt;
      }
      p = { deliveredSeq: e.seq, attempts: 0, retryAt: null, lastError: null };
      pending = r.quiet === true || consumer.recordsDeliveries === true;
      if (!pending) {
        await consumer.flush?.();
        await outbox.saveProgress(consumer.name, lease.caseId, p, deps.clock.now());
      }
    }
    if (p.deliveredSeq >= lease.lastSeq) break;
    events = await outbox.eventsAfter(lease.caseId, p.deliveredSeq, lease.lastSeq, BATCH);
  }
  await consumer.flush?.();
  if (pending) unsaved.push({ consumer: consumer.name, ...p });
  return true;
}

/** Cases the relay should look at now (undelivered events, no live lease, retry time reached). */
export function dueCases(deps: Deps, limit: number): Promise<string[]> {
  return deps.store.read.outbox.due(deps.clock.now(), limit);
}
