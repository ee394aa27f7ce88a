import type { Locale } from "../../domain/locales.ts";
import {
  COMMON_VALUES,
  type EmailKind,
  type EmailTemplate,
  KIND_VALUES,
} from "../../domain/notify/email/email-kinds.ts";
import { emailValues, SAMPLE_CONTEXT, sampleFacts } from "../../domain/notify/email/email-values.ts";
import {
  defaultTemplate,
  type RenderedEmail,
  renderEmail,
  templateIssues,
} from "../../domain/notify/email/render-email.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Deps } from "../ports/index.ts";

export interface TemplateView extends EmailTemplate {
  readonly kind: EmailKind;
  readonly locale: Locale;
  /** false: the default wording of this locale. */
  readonly custom: boolean;
  readonly updatedAt: Date | null;
  /** The values the template may use. */
  readonly variables: readonly string[];
}

export type FieldProblems = { field: string; message: string }[];

/** The template a kind uses in a locale: the merchant's edited one, else the default. */
export async function getEmailTemplate(
  deps: Deps,
  merchantId: string,
  kind: EmailKind,
  locale: Locale,
): Promise<TemplateView> {
  const stored = await deps.store.read.emailTemplates.get(merchantId, kind, locale);
  const t = stored ?? defaultTemplate(kind, locale);
  return {
    kind,
    locale,
    subject: t.subject,
    html: t.html,
    text: t.text,
    custom: stored !== null,
    updatedAt: stored?.updatedAt ?? null,
    variables: [...COMMON_VALUES, ...KIND_VALUES[kind]],
  };
}

/** Saves an edited template once every part compiles and formats; otherwise the failing fields. */
export async function putEmailTemplate(
  deps: Deps,
  merchantId: string,
  kind: EmailKind,
  locale: Locale,
  t: EmailTemplate,
): Promise<Result<TemplateView, FieldProblems>> {
  const issues = templateIssues(kind, locale, t);
  if (issues.length > 0) return err(issues);
  await deps.store.read.emailTemplates.put(merchantId, kind, locale, t, deps.clock.now());
  return ok(await getEmailTemplate(deps, merchantId, kind, locale));
}

/** Back to the default wording; false when the template was not edited. */
export function resetEmailTemplate(
  deps: Deps,
  merchantId: string,
  kind: EmailKind,
  locale: Locale,
): Promise<boolean> {
  return deps.store.read.emailTemplates.delete(merchantId, kind, locale);
}

/** The e-mail as a shopper would get it, with sample values: a draft when given, else the template in use. */
export async function previewEmailTemplate(
  deps: Deps,
  merchantId: string,
  kind: EmailKind,
  locale: Locale,
  draft: EmailTemplate | null,
): Promise<Result<RenderedEmail & { values: Readonly<Record<string, string | number>> }, FieldProblems>> {
  const t = draft ?? (await getEmailTemplate(deps, merchantId, kind, locale));
  const issues = templateIssues(kind, locale, t);
  if (issues.length > 0) return err(issues);
  const values = emailValues(sampleFacts(kind), { ...SAMPLE_CONTEXT, locale });
  return ok({ ...renderEmail(t, locale, values), values });
}
