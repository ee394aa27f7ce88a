import type { Deps } from "../ports/index.ts";
import { consumersFor } from "./consumers.ts";
import { BATCH, type DrainOutcome, drainLeased, failed } from "./outbox-case.ts";
import type { NotifyDeps, OutboxConsumer } from "./ports.ts";
import type { OutboxLease, OutboxRelease } from "./records.ts";

export type { DrainOutcome };

/**
 * Delivers a case's outstanding events to every consumer, in order (sequence number), one relay per
 * case (a lease): `drainCases` of one case, whose failure (a bug, the database) is thrown.
 */
export async function drainCase(deps: Deps, caseId: string): Promise<DrainOutcome> {
  const outcome = (await drainCases(deps, [caseId])).get(caseId) ?? { status: "busy" };
  if (outcome.status === "failed") throw outcome.error;
  return outcome;
}

/**
 * Delivers the outstanding events of several cases, each as `drainCase` would, with one lease and one
 * release for all of them, each merchant's consumers prepared once (the e-mail consumer reads all of
 * its cases in one statement) and what consumers kept back stored once, before the release. A
 * consumer's progress is saved after each event that did something, so a crash re-delivers at most the
 * event in flight (at least once, never lost); a consumer that records its deliveries itself
 * (`recordsDeliveries`) and events that needed nothing are saved with the release. A failing consumer
 * waits with exponential backoff while the others go on. Answers each case's outcome (busy: another
 * relay holds it); a case that failed is given back, to be tried again soon.
 */
export async function drainCases(deps: Deps, caseIds: readonly string[]): Promise<Map<string, DrainOutcome>> {
  const notify = deps.notify;
  if (!notify) return new Map(caseIds.map((id) => [id, { status: "idle" }]));
  // A case the lease leaves out is held by another relay: busy unless the round says otherwise.
  const outcomes = new Map<string, DrainOutcome>(caseIds.map((id) => [id, { status: "busy" }]));
  const token = deps.ids.next();
  const now = deps.clock.now();
  const until = new Date(now.getTime() + notify.settings.leaseMs);
  const leases = await deps.store.read.outbox.lease(caseIds, token, now, until, BATCH);
  const rounds: Round[] = [];
  for (const [merchantId, group] of byMerchant(leases)) {
    const round = await prepared(deps, merchantId, group);
    rounds.push(round);
    for (const lease of group) {
      const done = round.failure
        ? failed(deps, notify, lease, [], round.failure)
        : await drainLeased(deps, notify, round.consumers, { ...lease, until });
      outcomes.set(lease.caseId, done.outcome);
      if (done.release) round.releases.push({ ...done.release, lease });
    }
  }
  const releases: OutboxRelease[] = [];
  for (const round of rounds) releases.push(...(await flushed(deps, notify, round, outcomes)));
  await deps.store.read.outbox.release(token, deps.clock.now(), releases);
  return outcomes;
}

/** One merchant's share of a relay round: its consumers, and what its cases give back. */
interface Round {
  readonly consumers: readonly OutboxConsumer[];
  readonly failure: unknown;
  readonly releases: (OutboxRelease & { readonly lease: OutboxLease })[];
}

function byMerchant(leases: readonly OutboxLease[]): Map<string, OutboxLease[]> {
  const groups = new Map<string, OutboxLease[]>();
  for (const l of leases) {
    const group = groups.get(l.merchantId);
    if (group) group.push(l);
    else groups.set(l.merchantId, [l]);
  }
  return groups;
}

/** The merchant's consumers, prepared for the cases with outstanding events (or why they could not be). */
async function prepared(deps: Deps, merchantId: string, leases: readonly OutboxLease[]): Promise<Round> {
  const due = leases.filter((l) => l.lastSeq > l.settledSeq).map((l) => l.caseId);
  try {
    const consumers = due.length === 0 ? [] : await consumersFor(deps, merchantId);
    for (const c of consumers) await c.prepare?.(merchantId, due);
    return { consumers, failure: null, releases: [] };
  } catch (e) {
    return { consumers: [], failure: e, releases: [] };
  }
}

/**
 * Stores what the round's consumers kept back, then answers the round's releases. A consumer whose
 * store fails has its progress dropped from them (its records were not kept), and its cases fail.
 */
async function flushed(
  deps: Deps,
  notify: NotifyDeps,
  round: Round,
  outcomes: Map<string, DrainOutcome>,
): Promise<OutboxRelease[]> {
  const lost = new Map<string, unknown>();
  for (const c of round.consumers)
    await c.flush?.().catch((e: unknown) => {
      lost.set(c.name, e);
    });
  if (lost.size === 0) return round.releases.map(({ lease: _, ...r }) => r);
  return round.releases.map(({ lease, ...r }) => {
    const dropped = r.progress.filter((p) => lost.has(p.consumer));
    if (dropped.length === 0) return r;
    const kept = r.progress.filter((p) => !lost.has(p.consumer));
    const f = failed(deps, notify, lease, kept, lost.get(dropped[0]?.consumer ?? ""));
    outcomes.set(lease.caseId, f.outcome);
    return f.release;
  });
}

/** Cases the relay should look at now (undelivered events, no live lease, retry time reached). */
export function dueCases(deps: Deps, limit: number): Promise<string[]> {
  return deps.store.read.outbox.due(deps.clock.now(), limit);
}
