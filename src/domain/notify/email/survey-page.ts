/**
 * The survey page the final e-mail links to: a plain HTML form (no script) in the shopper's
 * language and direction — the question, scores 1 to 5, an optional comment — or the thanks after it.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { isRtl, type Locale } from "../../locales.ts";
import { COMMENT_MAX } from "../survey-results.ts";
import { EMAIL_CATALOGUES } from "./email-catalogues.ts";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function say(locale: Locale, key: string, values: Readonly<Record<string, string>> = {}): string {
  const text = EMAIL_CATALOGUES[locale][`survey.${key}`];
  if (text === undefined) throw new Error(`e-mail catalogue ${locale}: no message "survey.${key}"`);
  const out = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format(values);
  return escapeHtml(typeof out === "string" ? out : String(out));
}

export type SurveyPageState = "form" | "thanks" | "answered";

export function surveyPageHtml(
  locale: Locale,
  v: { caseNumber: string; shopName: string; action: string; state: SurveyPageState; score?: number },
): string {
  const dir = isRtl(locale) ? "rtl" : "ltr";
  const title = say(locale, "title");
  const scores = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<label style="margin-inline-end:12px"><input type="radio" name="score" value="${n}" required${
          v.score === n ? " checked" : ""
        }> ${n}</label>`,
    )
    .join("\n");
  const body =
    v.state === "form"
      ? [
          `<form method="post" action="${escapeHtml(v.action)}">`,
          `<fieldset><legend>${say(locale, "question", { caseNumber: v.caseNumber, shopName: v.shopName })}</legend>`,
          `<p>${say(locale, "scale")}</p>`,
          scores,
          "</fieldset>",
          `<p><label for="comment">${say(locale, "comment")}</label><br>`,
          `<textarea id="comment" name="comment" rows="5" maxlength="${COMMENT_MAX}" style="inline-size:100%"></textarea></p>`,
          `<p><button type="submit">${say(locale, "submit")}</button></p>`,
          "</form>",
        ].join("\n")
      : `<p role="status">${say(locale, v.state)}</p>`;
  return [
    "<!doctype html>",
    `<html lang="${locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;max-inline-size:36rem;margin:2rem auto;padding:0 1rem">',
    `<h1>${title}</h1>`,
    body,
    "</body>",
    "</html>",
  ].join("\n");
}
