import { and, asc, between, desc, eq, gte, inArray, lt, lte, notExists, sql } from "drizzle-orm";
import type {
  EmailMessage,
  EmailMessageRepo,
  EmailStatus,
  EmailTemplateRepo,
  SurveyRepo,
} from "../../app/notify/mail-records.ts";
import { isEmailKind } from "../../domain/notify/email/email-kinds.ts";
import { runBuilt } from "./built-sql.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { emailMessages, emailTemplates, returnCases, surveyResponses } from "./schema.ts";

const STATUSES: readonly EmailStatus[] = ["pending", "sent", "not_sent"];

function toMessage(r: typeof emailMessages.$inferSelect): EmailMessage {
  const status = STATUSES.find((s) => s === r.status);
  if (!status || !isEmailKind(r.kind)) throw new Error(`email message ${r.id}: unknown status or kind`);
  return { ...r, status, kind: r.kind };
}

export function emailTemplateRepo(db: Executor): EmailTemplateRepo {
  const where = (merchantId: string, kind: string, locale: string) =>
    and(
      eq(emailTemplates.merchantId, merchantId),
      eq(emailTemplates.kind, kind),
      eq(emailTemplates.locale, locale),
    );
  return {
    async get(merchantId, kind, locale) {
      const [row] = await db
        .select()
        .from(emailTemplates)
        .where(where(merchantId, kind, locale));
      return row ? { subject: row.subject, html: row.html, text: row.text, updatedAt: row.updatedAt } : null;
    },
    async put(merchantId, kind, locale, t, at) {
      const values = { subject: t.subject, html: t.html, text: t.text, updatedAt: at };
      await db
        .insert(emailTemplates)
        .values({ merchantId, kind, locale, ...values })
        .onConflictDoUpdate({
          target: [emailTemplates.merchantId, emailTemplates.kind, emailTemplates.locale],
          set: values,
        });
    },
    async delete(merchantId, kind, locale) {
      const rows = await db
        .delete(emailTemplates)
        .where(where(merchantId, kind, locale))
        .returning({ kind: emailTemplates.kind });
      return rows.length > 0;
    },
  };
}

/** A message recorded unless its key exists (built once per process, prepared.ts): its row, or none. */
const insertMessage = (db: Executor) =>
  prepared(db, "email_message_insert", () => {
    const p = (name: keyof typeof emailMessages.$inferInsert) => sql.placeholder(name);
    return db
      .insert(emailMessages)
      .values({
        id: p("id"),
        merchantId: p("merchantId"),
        caseId: p("caseId"),
        key: p("key"),
        kind: p("kind"),
        locale: p("locale"),
        to: p("to"),
        subject: p("subject"),
        text: p("text"),
        html: p("html"),
        status: p("status"),
        attempts: p("attempts"),
        lastError: p("lastError"),
        createdAt: p("createdAt"),
        // Nullable timestamps bypass the column's encoder (it cannot take null).
        sentAt: sql`${p("sentAt")}::timestamptz`,
      })
      .onConflictDoNothing({ target: emailMessages.key })
      .returning()
      .prepare("email_message_insert");
  });

const recordAttempt = (db: Executor) =>
  prepared(db, "email_message_attempt", () =>
    db
      .update(emailMessages)
      .set({
        status: sql`${sql.placeholder("status")}`,
        attempts: sql`${sql.placeholder("attempts")}`,
        lastError: sql`${sql.placeholder("lastError")}`,
        sentAt: sql`${sql.placeholder("sentAt")}::timestamptz`,
      })
      .where(
        and(
          eq(emailMessages.merchantId, sql.placeholder("merchantId")),
          eq(emailMessages.id, sql.placeholder("id")),
        ),
      )
      .prepare("email_message_attempt"),
  );

/** Messages (EmailMessage as JSON) inserted in one statement, those whose key exists skipped. */
const insertAllSql = () => sql`insert into email_messages (id, merchant_id, case_id, key, kind, locale,
    to_address, subject, text, html, status, attempts, last_error, created_at, sent_at)
  select id, "merchantId", "caseId", key, kind, locale, "to", subject, text, html, status, attempts,
    "lastError", "createdAt", "sentAt"
  from jsonb_to_recordset(${sql.placeholder("rows")}::jsonb) as m(id uuid, "merchantId" uuid, "caseId" uuid,
    key text, kind text, locale text, "to" text, subject text, text text, html text, status text,
    attempts int, "lastError" text, "createdAt" timestamptz, "sentAt" timestamptz)
  on conflict (key) do nothing returning id`;

export function emailMessageRepo(db: Executor): EmailMessageRepo {
  return {
    async ensure(m) {
      // Usually the insert answers; only a second delivery of the same event reads the earlier record.
      const [inserted] = await insertMessage(db).execute({ ...m });
      const [row] = inserted
        ? [inserted]
        : await db.select().from(emailMessages).where(eq(emailMessages.key, m.key));
      if (!row) throw new Error(`email message ${m.key} vanished`);
      return toMessage(row);
    },
    async ensureAll(ms) {
      if (ms.length === 0) return new Set();
      const rows = (await runBuilt(db, "email_messages_insert_all", insertAllSql, {
        rows: JSON.stringify(ms),
      })) as { id: string }[];
      return new Set(rows.map((r) => r.id));
    },
    async recordAttempt(merchantId, id, change) {
      await recordAttempt(db).execute({ merchantId, id, ...change });
    },
    async list(merchantId, q) {
      const where = [eq(emailMessages.merchantId, merchantId)];
      if (q.caseId) where.push(eq(emailMessages.caseId, q.caseId));
      if (q.before) where.push(lt(emailMessages.id, q.before));
      const rows = await db
        .select()
        .from(emailMessages)
        .where(and(...where))
        .orderBy(desc(emailMessages.id))
        .limit(q.limit);
      return rows.map(toMessage);
    },
    async awaitingShipment(from, until, keyPrefix, limit) {
      const sent = db
        .select({ one: sql`1` })
        .from(emailMessages)
        .where(eq(emailMessages.key, sql`${keyPrefix} || ${returnCases.id}::text`));
      return db
        .select({ merchantId: returnCases.merchantId, caseId: returnCases.id })
        .from(returnCases)
        .where(
          and(
            inArray(returnCases.status, ["approved", "awaiting_shipment"]),
            eq(returnCases.returnRequired, true),
            between(returnCases.shipBy, from, until),
            notExists(sent),
          ),
        )
        .orderBy(asc(returnCases.shipBy))
        .limit(limit);
    },
  };
}

export function surveyRepo(db: Executor): SurveyRepo {
  return {
    async insert(r) {
      const rows = await db
        .insert(surveyResponses)
        .values({ ...r, reasons: [...r.reasons] })
        .onConflictDoNothing({ target: surveyResponses.caseId })
        .returning({ caseId: surveyResponses.caseId });
      return rows.length > 0;
    },
    async get(merchantId, caseId) {
      const [row] = await db
        .select()
        .from(surveyResponses)
        .where(and(eq(surveyResponses.merchantId, merchantId), eq(surveyResponses.caseId, caseId)));
      return row ?? null;
    },
    list(merchantId, q) {
      const where = [eq(surveyResponses.merchantId, merchantId)];
      if (q.from) where.push(gte(surveyResponses.createdAt, q.from));
      if (q.to) where.push(lte(surveyResponses.createdAt, q.to));
      return db
        .select()
        .from(surveyResponses)
        .where(and(...where))
        .orderBy(asc(surveyResponses.createdAt));
    },
  };
}
