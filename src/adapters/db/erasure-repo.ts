import { type SQL, sql } from "drizzle-orm";
import type { ErasureRepo } from "../../app/ports/index.ts";
import type { BankSeal } from "./bank-seal.ts";
import type { Executor } from "./database.ts";
import { collectNeedles, ERASED, jsonScrub, scrubText, textScrub } from "./erasure-scrub.ts";

type Row = Record<string, unknown>;

const ids = (list: readonly string[]): SQL =>
  list.length === 0
    ? sql`(null::uuid)`
    : sql`(${sql.join(
        list.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;

/** Any of the strings occurs in the column's text. */
const mentions = (column: SQL, needles: readonly string[]): SQL =>
  needles.length === 0
    ? sql`false`
    : sql`(${sql.join(
        needles.map((n) => sql`position(${n} in ${column}::text) > 0`),
        sql` or `,
      )})`;

/**
 * Erasure of one shopper (issue 8 point 13), in the caller's transaction. The shopper's values
 * (e-mail, name, address lines, comments, the gift recipient and withdrawal contacts) are collected
 * first, then replaced wherever a copy of them lives, by whole JSON value (so `"Berlin"` is replaced, not
 * "Berlin" inside another word) and the e-mail also inside longer text. Ledger rows, amounts, numbers
 * and statuses are never touched; only countries and regions of addresses are kept (tax, statistics).
 */
export function erasureRepo(db: Executor, seal: BankSeal): ErasureRepo {
  const rows = async (q: SQL): Promise<Row[]> => ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
  return {
    async customerByEmail(merchantId, email) {
      const [found] = await rows(
        sql`select id from customers where merchant_id = ${merchantId} and email = ${email}`,
      );
      return found ? String(found.id) : null;
    },
    async inFlight(merchantId, customerId, statuses) {
      const found = await rows(sql`
        select s.id, s.status from settlements s
        left join return_cases c on c.id = s.case_id
        left join orders o on o.id = coalesce(s.order_id, c.order_id)
        where s.merchant_id = ${merchantId} and (c.customer_id = ${customerId} or o.customer_id = ${customerId})
          and s.status in (${sql.join(
            statuses.map((st) => sql`${st}`),
            sql`, `,
          )})`);
      return found.map((r) => ({ id: String(r.id), status: String(r.status) }));
    },

    async pseudonymise(merchantId, customerId, pseudonymEmail) {
      const m = merchantId;
      const [customer] = await rows(
        sql`select email, name from customers where merchant_id = ${m} and id = ${customerId}`,
      );
      const orders = await rows(
        sql`select id, shipping_address from orders where merchant_id = ${m} and customer_id = ${customerId}`,
      );
      const orderIds = orders.map((o) => String(o.id));
      const cases = await rows(sql`
        select id, portal from return_cases
        where merchant_id = ${m} and (customer_id = ${customerId} or order_id in ${ids(orderIds)})`);
      const caseIds = cases.map((c) => String(c.id));
      const comments = await rows(
        sql`select comment from return_lines where case_id in ${ids(caseIds)} and comment is not null`,
      );
      const email = typeof customer?.email === "string" ? customer.email : "";
      const needles = collectNeedles([
        customer?.email,
        customer?.name,
        ...orders.map((o) => o.shipping_address),
        ...cases.map((c) => c.portal),
        ...comments.map((c) => c.comment),
      ]);
      const j = (column: SQL) => jsonScrub(column, needles, email, pseudonymEmail);
      const t = (column: SQL) => textScrub(column, needles, email, pseudonymEmail);

      await db.execute(
        sql`update customers set email = ${pseudonymEmail}, name = null where id = ${customerId}`,
      );
      await db.execute(sql`
        update orders set shipping_address = jsonb_strip_nulls(jsonb_build_object(
          'country', shipping_address->'country', 'region', shipping_address->'region'))
        where id in ${ids(orderIds)}`);
      await db.execute(sql`update return_lines set comment = null where case_id in ${ids(caseIds)}`);
      await db.execute(sql`
        update return_cases set portal = ${j(sql`portal`)} where id in ${ids(caseIds)} and portal is not null`);
      await db.execute(sql`
        update return_cases set portal = jsonb_set(portal, '{payoutAccount}', jsonb_build_object(
          'scheme', portal->'payoutAccount'->'scheme', 'country', portal->'payoutAccount'->'country',
          'masked', ${ERASED}::text, 'erased', true))
        where id in ${ids(caseIds)} and jsonb_typeof(portal->'payoutAccount') = 'object'`);
      await db.execute(sql`
        update settlements set bank_account = jsonb_build_object(
          'scheme', bank_account->'scheme', 'country', bank_account->'country',
          'masked', ${ERASED}::text, 'erased', true)
        where merchant_id = ${m} and bank_account is not null
          and (case_id in ${ids(caseIds)} or order_id in ${ids(orderIds)})`);
      // Case events stay append-only; this transaction alone may pseudonymise them (migration 0017).
      await db.execute(sql`select set_config('crossback.erasure', 'on', true)`);
      await db.execute(sql`
        update case_events set data = ${j(sql`data`)}, actor_name = ${t(sql`actor_name`)}
        where case_id in ${ids(caseIds)}`);
      await db.execute(sql`select set_config('crossback.erasure', 'off', true)`);
      await db.execute(sql`
        update return_shipments set destination = ${j(sql`destination`)}, lines = ${j(sql`lines`)},
          customs = ${j(sql`customs`)}, request = ${j(sql`request`)}
        where case_id in ${ids(caseIds)}`);
      await db.execute(
        sql`update credit_notes set document = ${j(sql`document`)} where case_id in ${ids(caseIds)}`,
      );
      await db.execute(sql`
        update email_messages set to_address = ${t(sql`to_address`)}, subject = ${t(sql`subject`)}, text = ${t(sql`text`)},
          html = ${t(sql`html`)}
        where merchant_id = ${m} and (case_id in ${ids(caseIds)} or ${mentions(sql`to_address`, needles)})`);
      // A survey comment is the shopper's free text: gone; the score stays.
      await db.execute(
        sql`update survey_responses set comment = null where case_id in ${ids(caseIds)} and comment is not null`,
      );
      for (const [table, column] of [
        ["webhook_deliveries", "payload"],
        ["outbound_webhooks", "payload"],
        ["merchant_notices", "data"],
      ] as const) {
        const col = sql.identifier(column);
        await db.execute(sql`
          update ${sql.identifier(table)} set ${col} = ${j(sql`${col}`)}
          where merchant_id = ${m} and ${mentions(sql`${col}`, needles)}`);
      }
      // Stored idempotent responses are sealed: opened, scrubbed and sealed again.
      const stored = await rows(
        sql`select key, response from idempotency_keys where merchant_id = ${m} and response is not null`,
      );
      for (const r of stored) {
        let text: string;
        try {
          text = JSON.stringify(seal.openValue(r.response));
        } catch {
          continue; // under a key that is not configured: unreadable, purged by the retention job
        }
        const scrubbed = scrubText(text, needles, email, pseudonymEmail);
        if (scrubbed !== text)
          await db.execute(sql`
            update idempotency_keys set response = ${JSON.stringify(seal.sealValue(JSON.parse(scrubbed)))}::jsonb
            where merchant_id = ${m} and key = ${String(r.key)}`);
      }
      const photos = await rows(
        sql`delete from portal_uploads where order_id in ${ids(orderIds)} returning storage_key`,
      );
      return { orderIds, caseIds, photoKeys: photos.map((p) => String(p.storage_key)) };
    },
  };
}
