import { type SQL, sql } from "drizzle-orm";
import { MILESTONES, STEPS } from "../../domain/reports/report-figures.ts";

/**
 * What each order and case adds to the report rollups, as SQL (one SELECT per kind, the columns of
 * `report_contrib`). `which` limits the sources: a batch of ids, or a whole merchant for a rebuild.
 * Days are UTC. Market = the order's shipping country; vendor = the product's (units) or the case's.
 */

export const CONTRIB_COLUMNS = sql.raw(
  "source_id, merchant_id, kind, by, day, key, market, vendor, currency, bucket, n1, n2, n3, n4, label",
);

const utcDay = (col: string) => sql.raw(`(${col} at time zone 'UTC')::date`);
const country = sql.raw(`coalesce(o.shipping_address->>'country', '')`);
const product = sql.raw("left join products p on p.merchant_id = o.merchant_id and p.sku = ol.sku");
/** A unit is counted under its product, its category and in the totals (market and vendor are columns). */
const unitKeys = sql.raw(
  "cross join lateral (values ('total', ''), ('product', ol.sku), ('all_products', ol.sku), ('category', coalesce(p.category, ''))) b(by, key)",
);

const productTitle = sql.raw("case when b.by in ('product', 'all_products') then max(ol.title) else '' end");
/**
 * `all_products` repeats `product` without market and vendor: a report over every market has one row
 * per SKU and day (or month) to add up instead of one per SKU, market and vendor.
 */
const unitMarket = sql.raw(
  "case when b.by = 'all_products' then '' else coalesce(o.shipping_address->>'country', '') end",
);
const unitVendor = sql.raw("case when b.by = 'all_products' then '' else coalesce(p.vendor, '') end");

/** Units ordered, by day the order was placed. */
export function orderedContrib(which: SQL): SQL {
  return sql`select o.id, o.merchant_id, 'ordered', b.by, ${utcDay("o.placed_at")}, b.key, ${unitMarket},
      ${unitVendor}, '', 0, sum(ol.quantity), 0, 0, 0, ${productTitle}
    from orders o join order_lines ol on ol.order_id = o.id ${product} ${unitKeys}
    where ${which}
    group by o.id, o.merchant_id, b.by, b.key, p.vendor`;
}

/** Units asked back (requested − rejected) of cases not cancelled or expired, by order day. */
function returnedContrib(which: SQL): SQL {
  return sql`select c.id, c.merchant_id, 'returned', b.by, ${utcDay("o.placed_at")}, b.key, ${unitMarket},
      ${unitVendor}, '', 0, sum(rl.qty_requested - rl.qty_rejected), 0, 0, 0, ${productTitle}
    from return_cases c join return_lines rl on rl.case_id = c.id
      join order_lines ol on ol.id = rl.order_line_id join orders o on o.id = ol.order_id ${product}
      cross join lateral (values ('total', ''), ('product', ol.sku), ('all_products', ol.sku),
        ('category', coalesce(p.category, '')), ('reason', rl.reason)) b(by, key)
    where ${which} and c.status not in ('cancelled', 'expired') and rl.qty_requested > rl.qty_rejected
    group by c.id, c.merchant_id, b.by, b.key, o.placed_at, o.shipping_address, p.vendor`;
}

/** Refund settlements (not payment requests, not dead ones): paid (n1, n2) and on their way (n3, n4). */
function refundContrib(which: SQL): SQL {
  return sql`select c.id, c.merchant_id, 'refund', 'method', ${utcDay("s.created_at")}, s.method, ${country},
      coalesce(c.vendor, ''), s.currency, 0,
      coalesce(sum(s.amount) filter (where s.status = 'succeeded'), 0),
      count(*) filter (where s.status = 'succeeded'),
      coalesce(sum(s.amount) filter (where s.status <> 'succeeded'), 0),
      count(*) filter (where s.status <> 'succeeded'), ''
    from return_cases c join settlements s on s.case_id = c.id join orders o on o.id = c.order_id
    where ${which} and s.method <> 'payment_request' and s.status not in ('failed', 'cancelled', 'reversed')
    group by c.id, c.merchant_id, s.created_at, s.method, s.currency, o.shipping_address, c.vendor`;
}

/** Label costs the merchant paid for return parcels, per carrier and currency. */
function costContrib(which: SQL): SQL {
  return sql`select c.id, c.merchant_id, 'cost', 'carrier', ${utcDay("rs.created_at")}, coalesce(rs.carrier, ''),
      ${country}, coalesce(c.vendor, ''), rs.cost_currency, 0, sum(rs.cost), count(*), 0, 0, ''
    from return_cases c join return_shipments rs on rs.case_id = c.id join orders o on o.id = c.order_id
    where ${which} and rs.cost is not null and rs.cost_currency is not null
      and rs.status not in ('purchasing', 'failed', 'voided', 'expired')
    group by c.id, c.merchant_id, rs.created_at, rs.carrier, rs.cost_currency, o.shipping_address, c.vendor`;
}

/** Histogram bucket of a duration: 0 below one second, then buckets 5 % wide. */
export const BUCKET_BASE = 1.05;
const bucketOf = (secs: string) =>
  sql.raw(`case when ${secs} < 1 then 0 else 1 + floor(ln(${secs}) / ln(${BUCKET_BASE}))::int end`);

/** Each step a case went through, in order: one count in its duration's bucket (n1), seconds (n2). */
function stepContrib(which: SQL): SQL {
  const firsts = Object.entries(MILESTONES).map(
    ([name, type]) => sql`min(e.at) filter (where e.type = ${type}) as ${sql.identifier(name)}`,
  );
  const steps = STEPS.map(
    (st) => sql`(${st.step}::text, f.${sql.identifier(st.from)}, f.${sql.identifier(st.to)})`,
  );
  return sql`select c.id, c.merchant_id, 'step', 'step', ${utcDay("c.created_at")}, st.step, ${country},
      coalesce(c.vendor, ''), '', ${bucketOf("st.secs")}, 1, round(st.secs)::bigint, 0, 0, ''
    from (select e.case_id, ${sql.join(firsts, sql`, `)} from case_events e join return_cases c on c.id = e.case_id
      where ${which} group by e.case_id) f
      join return_cases c on c.id = f.case_id join orders o on o.id = c.order_id
      cross join lateral (select s.step, extract(epoch from (s.b - s.a))::float8 as secs
        from (values ${sql.join(steps, sql`, `)}) s(step, a, b) where s.b >= s.a) st`;
}

/** The case's survey answer (score in `bucket`), in the totals and under each reason and category. */
function surveyContrib(which: SQL): SQL {
  return sql`select c.id, c.merchant_id, 'survey', b.by, ${utcDay("sr.created_at")}, b.key, ${country},
      coalesce(c.vendor, ''), '', sr.score, 1, 0, 0, 0, ''
    from return_cases c join survey_responses sr on sr.case_id = c.id join orders o on o.id = c.order_id
      cross join lateral (select 'total' as by, '' as key
        union select distinct 'reason', rl.reason from return_lines rl where rl.case_id = c.id
        union select distinct 'category', coalesce(p.category, '') from return_lines rl
          join order_lines ol on ol.id = rl.order_line_id
          left join products p on p.merchant_id = c.merchant_id and p.sku = ol.sku
          where rl.case_id = c.id) b
    where ${which}`;
}

/** Everything a case adds. */
export function caseContrib(which: SQL): SQL {
  const parts = [returnedContrib, refundContrib, costContrib, stepContrib, surveyContrib].map((f) =>
    f(which),
  );
  return sql.join(parts, sql` union all `);
}
