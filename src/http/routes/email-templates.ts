import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { emailMessages } from "../../app/account-queries.ts";
import {
  getEmailTemplate,
  previewEmailTemplate,
  putEmailTemplate,
  resetEmailTemplate,
} from "../../app/notify/email-templates.ts";
import type { EmailMessage } from "../../app/notify/mail-records.ts";
import type { Deps } from "../../app/ports/index.ts";
import { LOCALES } from "../../domain/locales.ts";
import { COMMON_VALUES, EMAIL_KINDS, KIND_VALUES } from "../../domain/notify/email/email-kinds.ts";
import { merchantOf } from "../auth.ts";
import { sendFieldProblems } from "../problem.ts";

const params = z.object({ kind: z.enum(EMAIL_KINDS), locale: z.enum(LOCALES) });
const templateBody = z.strictObject({
  subject: z.string().trim().min(1).max(1000),
  html: z.string().min(1).max(100_000),
  text: z.string().min(1).max(50_000),
});
const messageQuery = z.object({
  caseId: z.uuid().optional(),
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const tags = ["e-mail"];
const icu =
  "ICU MessageFormat strings (`{caseNumber}`, `{n, plural, one {…} other {…}}`, `{x, select, yes {…} other {…}}`); HTML tags are kept as written.";

const presentMessage = (m: EmailMessage) => ({
  id: m.id,
  caseId: m.caseId,
  kind: m.kind,
  locale: m.locale,
  to: m.to,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

export const emailRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = "/settings/email-templates";
    app.get(base, { schema: { tags, summary: "The e-mails to shoppers, their locales and values" } }, () => ({
      kinds: EMAIL_KINDS.map((kind) => ({ kind, variables: [...COMMON_VALUES, ...KIND_VALUES[kind]] })),
      locales: LOCALES,
    }));
    app.get(
      `${base}/:kind/:locale`,
      { schema: { tags, summary: "The template of an e-mail in one locale (edited or default)", params } },
      async (req) => getEmailTemplate(deps, merchantOf(req), req.params.kind, req.params.locale),
    );
    app.put(
      `${base}/:kind/:locale`,
      {
        schema: {
          tags,
          summary: "Edit the template of an e-mail in one locale",
          description: `subject, html (the body; the document, language and direction are added) and text are ${icu} Each must compile and format with the e-mail's values, else 400 naming the field.`,
          params,
          body: templateBody,
        },
      },
      async (req, reply) => {
        const r = await putEmailTemplate(deps, merchantOf(req), req.params.kind, req.params.locale, req.body);
        return r.ok ? r.value : sendFieldProblems(reply, r.error);
      },
    );
    app.delete(
      `${base}/:kind/:locale`,
      { schema: { tags, summary: "Reset a template to the default wording", params } },
      async (req, reply) => {
        await resetEmailTemplate(deps, merchantOf(req), req.params.kind, req.params.locale);
        return reply.code(204).send();
      },
    );
    app.post(
      `${base}/:kind/:locale/preview`,
      {
        schema: {
          tags,
          summary: "Render an e-mail with sample values (a draft when a body is given)",
          params,
          body: templateBody.nullish(),
        },
      },
      async (req, reply) => {
        const { kind, locale } = req.params;
        const r = await previewEmailTemplate(deps, merchantOf(req), kind, locale, req.body ?? null);
        return r.ok ? r.value : sendFieldProblems(reply, r.error);
      },
    );
    app.get(
      "/email-messages",
      {
        schema: {
          tags,
          summary: "E-mails to shoppers, newest first (status pending, sent, or not_sent without SMTP_URL)",
          querystring: messageQuery,
        },
      },
      async (req) => {
        const items = await emailMessages(deps, merchantOf(req), req.query);
        const last = items.length === req.query.limit ? items[items.length - 1] : undefined;
        return {
          smtpConfigured: Boolean(deps.notify?.mailer),
          items: items.map(presentMessage),
          nextCursor: last?.id ?? null,
        };
      },
    );
  };
