import type { Money } from "../../domain/money.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { ConsumerResult, OutboxConsumer, OutboxEvent } from "../notify/ports.ts";
import type { Deps } from "../ports/index.ts";
import { merchantConnection } from "./connections.ts";
import type {
  MirrorCase,
  MirrorRecord,
  MirrorStep,
  Platform,
  PlatformApi,
  PlatformConnection,
} from "./ports.ts";

const MIRRORED = new Set(["return.requested", "return.approved", "refund.issued"]);

interface Mirror {
  readonly deps: Deps;
  readonly api: PlatformApi;
  readonly connection: PlatformConnection;
  readonly c: ReturnCase;
  readonly mc: MirrorCase;
}

/** Does a step once: the platform's ids are kept (platform_mirrors), a retry finds them and stops. */
async function once(
  m: Mirror,
  step: MirrorStep,
  act: () => Promise<{ id: string; detail: Readonly<Record<string, unknown>> }>,
): Promise<MirrorRecord> {
  const store = m.deps.store.read.platforms;
  const done = await store.mirror(m.c.merchantId, m.c.id, m.connection.platform, step);
  if (done) return done;
  const out = await act();
  const record: MirrorRecord = {
    caseId: m.c.id,
    platform: m.connection.platform,
    step,
    merchantId: m.c.merchantId,
    platformId: out.id,
    detail: out.detail,
    createdAt: m.deps.clock.now(),
  };
  await store.putMirror(record);
  return (await store.mirror(m.c.merchantId, m.c.id, m.connection.platform, step)) ?? record;
}

const request = (m: Mirror) => once(m, "request", () => m.api.requestReturn(m.mc));
async function approve(m: Mirror): Promise<MirrorRecord> {
  const req = await request(m);
  return once(m, "approve", () => m.api.approveReturn(m.mc, req));
}

async function mirrorEvent(m: Mirror, e: OutboxEvent): Promise<void> {
  if (e.type === "return.requested") await request(m);
  if (e.type === "return.approved") await approve(m);
  if (e.type === "refund.issued") {
    const total = e.data.total as Money | undefined;
    if (!total || total.amount <= 0) return;
    const req = await request(m);
    await approve(m);
    const refunded = {
      ...m.mc,
      lines: m.c.lines.map((l) => ({
        lineExternalId: l.orderLineExternalId,
        quantity: l.counts.refunded,
        reason: l.reason,
      })),
    };
    await once(m, `refund:${e.id}`, () =>
      m.api.refundReturn(refunded, req, {
        amount: total,
        moveMoney: m.connection.refundOnPlatform,
        key: String(e.id),
      }),
    );
  }
}

/**
 * The outbox consumer of one platform: opens, approves and refunds the return on the shop the case's
 * order came from (never inside a transaction: the outbox calls it after the commit, at least once).
 */
export function platformMirrorConsumer(deps: Deps, platform: Platform): OutboxConsumer {
  return {
    name: `platform:${platform}`,
    async deliver(e): Promise<ConsumerResult> {
      if (!MIRRORED.has(e.type)) return { ok: true, quiet: true };
      const c = await deps.store.read.cases.load(e.merchantId, e.caseId);
      if (!c) return { ok: true, quiet: true };
      const platformOrderId = await deps.store.read.platforms.platformOrderOf(
        e.merchantId,
        platform,
        c.orderExternalId,
      );
      if (!platformOrderId) return { ok: true, quiet: true };
      const opened = await merchantConnection(deps, e.merchantId, platform);
      if ("missing" in opened) return { ok: true, quiet: true };
      const adapter = deps.platforms?.get(platform);
      if (!adapter) return { ok: true, quiet: true };
      const mc: MirrorCase = {
        platformOrderId,
        caseNumber: c.number,
        lines: c.lines.map((l) => ({
          lineExternalId: l.orderLineExternalId,
          quantity: l.counts.requested,
          reason: l.reason,
        })),
      };
      try {
        await mirrorEvent(
          { deps, api: adapter.api(opened.connection), connection: opened.connection, c, mc },
          e,
        );
        return { ok: true };
      } catch (err) {
        return { ok: false, error: `${platform}: ${err instanceof Error ? err.message : String(err)}` };
      }
    },
  };
}

/** The platform consumers of a merchant: one per connected platform. */
export async function platformConsumers(deps: Deps, merchantId: string): Promise<OutboxConsumer[]> {
  if (!deps.platforms) return [];
  const connected = await deps.store.read.platforms.connections(merchantId);
  return connected
    .filter((r) => deps.platforms?.has(r.platform))
    .map((r) => platformMirrorConsumer(deps, r.platform));
}
