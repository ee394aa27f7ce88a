/** One leased case of a relay round through every consumer of its merchant (outbox-relay.ts). */
import { retryDelayMs } from "../../domain/notify/backoff.ts";
import type { Deps } from "../ports/index.ts";
import type { NotifyDeps, OutboxConsumer } from "./ports.ts";
import type { OutboxLease, OutboxRelease, SavedProgress } from "./records.ts";

export type DrainOutcome =
  | { readonly status: "idle" }
  | { readonly status: "busy" }
  | { readonly status: "settled" }
  | { readonly status: "retry"; readonly retryAt: Date | null }
  | { readonly status: "failed"; readonly error: unknown };

/** Most events a relay round reads of a case at once. */
export const BATCH = 100;

/** A case given back after a failure, to be tried again soon with the progress that is surely saved. */
export function failed(
  deps: Deps,
  notify: NotifyDeps,
  lease: OutboxLease,
  progress: readonly SavedProgress[],
  error: unknown,
): { outcome: DrainOutcome; release: OutboxRelease } {
  const soon = new Date(deps.clock.now().getTime() + notify.settings.retryBaseMs);
  return {
    outcome: { status: "failed", error },
    release: { caseId: lease.caseId, settledSeq: lease.settledSeq, retryAt: soon, progress },
  };
}

/** One leased case through every consumer: its outcome, and its release (none when the lease was lost). */
export async function drainLeased(
  deps: Deps,
  notify: NotifyDeps,
  consumers: readonly OutboxConsumer[],
  held: Held,
): Promise<{ outcome: DrainOutcome; release: OutboxRelease | null }> {
  const unsaved: SavedProgress[] = [];
  let settled = true;
  let retryAt: Date | null = null;
  try {
    if (held.lastSeq > held.settledSeq) {
      for (const consumer of consumers) {
        const r = await drainConsumer(deps, notify, consumer, held, unsaved);
        if (r === "lost") return { outcome: { status: "busy" }, release: null };
        if (r === true) continue;
        settled = false;
        if (r && (!retryAt || r < retryAt)) retryAt = r;
      }
    }
  } catch (e) {
    // A bug or the database: give the case back so that another attempt can come soon.
    return failed(deps, notify, held, unsaved, e);
  }
  const release = {
    caseId: held.caseId,
    settledSeq: settled ? held.lastSeq : held.settledSeq,
    retryAt: settled ? null : retryAt,
    progress: unsaved,
  };
  if (held.lastSeq <= held.settledSeq) return { outcome: { status: "idle" }, release };
  return { outcome: settled ? { status: "settled" } : { status: "retry", retryAt }, release };
}

/** The lease and until when it is surely ours (no other relay can take it before). */
export type Held = OutboxLease & { until: Date };

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
  // What it kept back is stored before the release saves this progress (`flushed`).
  if (pending) unsaved.push({ consumer: consumer.name, ...p });
  return true;
}
