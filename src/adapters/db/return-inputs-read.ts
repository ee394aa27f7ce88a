import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Merchant, MerchantSettings, ReturnInputs, ReturnState } from "../../app/ports/index.ts";
import type { ExtenuatingEvent } from "../../domain/policy/extenuating-event.ts";
import type { PriorRefunds } from "../../domain/refund/refund-calculation.ts";
import { runBuilt } from "./built-sql.ts";
import type { Executor } from "./database.ts";
import { cancelledSql, type HeldRow, heldFrom, heldRowsJson } from "./held-units.ts";
import { ORDER_FIELDS, toOrder } from "./order-read.ts";
import { prepared } from "./prepared.ts";
import { priorColumns, priorFrom } from "./refund-history.ts";
import { customers, orders } from "./schema.ts";

/**
 * Everything the policy engine needs to judge a return of one order, in ONE statement: the order (as
 * order-read.ts), whether it is cancelled, the units other cases hold, the merchant, the latest version
 * of each policy and the extenuating events. A preview was eleven statements, a creation's reads six.
 */
const MERCHANT = sql<MerchantJson>`(select json_build_object('id', m.id, 'slug', m.slug, 'name', m.name,
    'defaultLocale', m.default_locale, 'settlementCurrency', m.settlement_currency,
    'settings', m.settings, 'createdAt', m.created_at) from merchants m where m.id = ${orders.merchantId})`;

const POLICIES = sql<PolicyJson[]>`(select coalesce(json_agg(json_build_object('id', p.policy_id,
    'version', p.version, 'document', p.document, 'createdAt', p.created_at, 'actorId', p.actor_id)
    order by p.policy_id), '[]'::json)
  from (select distinct on (policy_id) * from return_policies where merchant_id = ${orders.merchantId}
    order by policy_id, version desc) p)`;

const EVENTS = sql<EventJson[]>`(select coalesce(json_agg(json_build_object('id', e.external_id,
    'description', e.description, 'countries', e.countries, 'regions', e.regions, 'startsAt', e.starts_at,
    'endsAt', e.ends_at, 'effect', e.effect, 'extendDays', e.extend_days) order by e.starts_at), '[]'::json)
  from extenuating_events e where e.merchant_id = ${orders.merchantId})`;

type MerchantJson = Omit<Merchant, "createdAt" | "settings"> & { createdAt: string; settings: unknown };
interface PolicyJson {
  id: string;
  version: number;
  document: unknown;
  createdAt: string;
  actorId: string;
}
type EventJson = Omit<ExtenuatingEvent, "startsAt" | "endsAt" | "effect"> & {
  startsAt: string;
  endsAt: string;
  effect: string;
};

/**
 * What a read of return inputs takes along: `numbered`, the merchant's next case number (taken last);
 * `prior`, what the order was refunded before (a preview's refund, in the same statement).
 */
export type InputsExtra = "none" | "numbered" | "prior";

/** The inputs of a return, with what `extra` asks for. */
export async function readReturnInputs(
  db: Executor,
  merchantId: string,
  externalId: string,
  extra: InputsExtra,
): Promise<{ inputs: ReturnInputs; number: number | null; prior: PriorRefunds | null } | null> {
  const name = `return_inputs_${extra}`;
  const q = prepared(db, name, () =>
    db
      .select({
        ...ORDER_FIELDS,
        cancelled: cancelledSql(sql`${orders.merchantId}`, sql`${orders.id}`),
        held: heldRowsJson(sql`${orders.id}`),
        merchant: MERCHANT,
        policies: POLICIES,
        events: EVENTS,
        ...(extra === "prior"
          ? priorColumns(sql`${orders.merchantId}`, sql`${orders.id}`)
          : { priorUnits: sql<null>`null::json`, priorSums: sql<null>`null::json` }),
        // Last in the row: the counter's lock is held from here to the statement's (unsynced) commit.
        number:
          extra === "numbered"
            ? sql<number | null>`crossback_take_number(${orders.merchantId}, 'return_case')`
            : sql<number | null>`null::bigint`,
      })
      .from(orders)
      .leftJoin(customers, sql`${customers.id} = ${orders.customerId}`)
      .where(and(eq(orders.merchantId, sql.placeholder("m")), eq(orders.externalId, sql.placeholder("x"))))
      .prepare(name),
  );
  const [row] = await q.execute({ m: merchantId, x: externalId });
  if (!row) return null;
  const m = row.merchant;
  const number = row.number === null ? null : Number(row.number);
  const inputs: ReturnInputs = {
    order: toOrder(row.o, row),
    cancelled: row.cancelled,
    held: heldFrom(row.held),
    merchant: m
      ? { ...m, settings: (m.settings ?? {}) as MerchantSettings, createdAt: new Date(m.createdAt) }
      : null,
    policies: row.policies.map((p) => ({ ...p, createdAt: new Date(p.createdAt) })),
    events: row.events.map((e) => ({
      ...e,
      startsAt: new Date(e.startsAt),
      endsAt: new Date(e.endsAt),
      effect: e.effect === "extend_window" ? "extend_window" : "full_refund",
    })),
  };
  const prior =
    row.priorUnits && row.priorSums ? priorFrom(row.priorUnits, row.priorSums, inputs.order.currency) : null;
  return { inputs, number, prior };
}

/** Whether the order is cancelled and the units return cases hold, in one statement (built once). */
export async function readReturnState(
  db: Executor,
  merchantId: string,
  orderId: string,
): Promise<ReturnState> {
  const [row] = (await runBuilt(
    db,
    "return_state",
    () => {
      const m: SQL = sql`${sql.placeholder("m")}::uuid`;
      const o: SQL = sql`${sql.placeholder("o")}::uuid`;
      return sql`select ${cancelledSql(m, o)} as cancelled, ${heldRowsJson(o)} as held`;
    },
    { m: merchantId, o: orderId },
  )) as { cancelled: boolean; held: HeldRow[] }[];
  return { cancelled: Boolean(row?.cancelled), held: heldFrom(row?.held ?? []) };
}
