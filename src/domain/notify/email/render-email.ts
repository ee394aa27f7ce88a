/**
 * Shopper e-mails from ICU templates: the default template of a kind and locale (from the
 * catalogue), the check a merchant's edited template must pass (every part compiles and formats
 * with the kind's values), and the rendered message — subject, plain text, and an HTML document in
 * the shopper's language and direction (dir="rtl" for Arabic and Hebrew). Values are HTML-escaped in
 * the HTML part; the template's own markup is the merchant's.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { isRtl, type Locale } from "../../locales.ts";
import { boundedMemo } from "../../memo.ts";
import { EMAIL_CATALOGUES } from "./email-catalogues.ts";
import {
  type EmailKind,
  type EmailTemplate,
  type EmailValues,
  TEMPLATE_FIELDS,
  type TemplateField,
} from "./email-kinds.ts";
import { emailValues, SAMPLE_CONTEXT, sampleFacts } from "./email-values.ts";

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function message(locale: Locale, key: string): string {
  const text = EMAIL_CATALOGUES[locale][key];
  if (text === undefined) throw new Error(`e-mail catalogue ${locale}: no message "${key}"`);
  return text;
}

/** The template a kind uses in a locale until the merchant edits it. */
export function defaultTemplate(kind: EmailKind, locale: Locale): EmailTemplate {
  const greeting = message(locale, "greeting");
  const body = message(locale, `${kind}.body`);
  const footer = message(locale, "footer");
  const link = kind === "completed" ? message(locale, "survey.link") : null;
  const textLink = link ? `\n\n${link}: {surveyUrl}` : "";
  const htmlLink = link ? `\n<p><a href="{surveyUrl}">${link}</a></p>` : "";
  return {
    subject: message(locale, `${kind}.subject`),
    text: `${greeting}\n\n${body}${textLink}\n\n-- \n${footer}\n`,
    html: `<p>${greeting}</p>\n<p>${body}</p>${htmlLink}\n<hr>\n<p style="color:#555555;font-size:13px">${footer}</p>\n`,
  };
}

/** Compiled templates per locale and text, kept: compiling one is most of an e-mail's rendering. */
const compiled = boundedMemo(
  512,
  (locale: string, text: string) => `${locale}\u0000${text}`,
  (locale, text) => new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }),
);

function format(text: string, locale: string, values: EmailValues): string {
  const out = compiled(locale, text).format(values);
  if (typeof out !== "string") throw new Error("not plain text");
  return out;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What is wrong with each part of a template (compiled and formatted with sample values); empty: fine. */
export function templateIssues(
  kind: EmailKind,
  locale: Locale,
  t: EmailTemplate,
): { field: TemplateField; message: string }[] {
  const values = emailValues(sampleFacts(kind), { ...SAMPLE_CONTEXT, locale });
  const out: { field: TemplateField; message: string }[] = [];
  for (const field of TEMPLATE_FIELDS) {
    try {
      format(t[field], locale, values);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      out.push({ field, message: `not a valid ICU message for this e-mail: ${why}`.slice(0, 300) });
    }
  }
  return out;
}

export function renderEmail(t: EmailTemplate, locale: Locale, values: EmailValues): RenderedEmail {
  const escaped: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) escaped[k] = typeof v === "string" ? escapeHtml(v) : v;
  const subject = format(t.subject, locale, values).replace(/\s+/g, " ").trim();
  const dir = isRtl(locale) ? "rtl" : "ltr";
  const html = [
    "<!doctype html>",
    `<html lang="${locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body dir="${dir}" style="margin:0;padding:24px;font-family:system-ui,sans-serif;line-height:1.5;text-align:start">`,
    `<div dir="${dir}" style="max-width:600px;margin:0 auto">`,
    format(t.html, locale, escaped),
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
  return { subject, text: format(t.text, locale, values), html };
}
