import { type FormEvent, useCallback, useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { LOCALES, languageName } from "../../shared/i18n/catalogues.ts";
import { useLocale } from "../../shared/i18n/I18n.tsx";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import { useSession } from "../session.tsx";
import { errorsFor, useProblemText } from "../useForm.ts";

type Parts = { subject: string; html: string; text: string };
type Template = Parts & { custom: boolean; variables: string[] };
const IDS = { subject: "email-subject", html: "email-html", text: "email-text" };

/** Managers edit the e-mails to shoppers per kind and language, preview them with sample values, reset them. */
export default function EmailTemplatesPage() {
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string>) => intl.formatMessage({ id }, v);
  const { locale: uiLocale } = useLocale();
  const { client } = useSession();
  const problemText = useProblemText();
  const [kinds, setKinds] = useState<readonly string[]>([]);
  const [kind, setKind] = useState<string>("request_received");
  const [locale, setLocale] = useState<string>(uiLocale);
  const [tpl, setTpl] = useState<Template | null>(null);
  const [draft, setDraft] = useState<Parts>({ subject: "", html: "", text: "" });
  const [preview, setPreview] = useState<Parts | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const path = `/settings/email-templates/${kind}/${locale}`;
  const load = useCallback(
    () =>
      client.merchant<Template>("GET", path).then(
        (r) => {
          setTpl(r);
          setDraft({ subject: r.subject, html: r.html, text: r.text });
          setPreview(null);
          setErrors({});
        },
        (e) => setNotice({ ok: false, text: problemText(e) }),
      ),
    [client, path, problemText],
  );
  useEffect(() => {
    void load();
  }, [load]);
  // The kinds come from the API (the server's list), not a copy here.
  useEffect(() => {
    client.merchant<{ kinds: { kind: string }[] }>("GET", "/settings/email-templates").then(
      (r) => setKinds(r.kinds.map((k) => k.kind)),
      (e) => setNotice({ ok: false, text: problemText(e) }),
    );
  }, [client, problemText]);

  const run = async (action: () => Promise<void>) => {
    setNotice(null);
    try {
      setErrors({});
      await action();
    } catch (e) {
      const fields = errorsFor(e, IDS);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setNotice({ ok: false, text: problemText(e) });
    }
  };
  const showPreview = () =>
    run(async () => setPreview(await client.merchant<Parts>("POST", `${path}/preview`, draft)));
  const save = (ev: FormEvent) => {
    ev.preventDefault();
    return run(async () => {
      const saved = await client.merchant<Template>("PUT", path, draft);
      setTpl(saved);
      setNotice({
        ok: true,
        text: t("emails.saved", { kind: t(`emails.kind.${kind}`), language: languageName(locale) }),
      });
    });
  };
  const reset = () =>
    run(async () => {
      await client.merchant("DELETE", path);
      await load();
      setNotice({ ok: true, text: t("emails.resetDone") });
    });

  const title = t("emails.title");
  const area = (part: keyof Parts, rows: number) => (
    <Field id={IDS[part]} label={t(`emails.${part}`)} error={errors[IDS[part]]}>
      {(f) => (
        <textarea
          id={f.id}
          rows={rows}
          dir="auto"
          spellCheck={false}
          value={draft[part]}
          onChange={(ev) => setDraft({ ...draft, [part]: ev.target.value })}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid}
        />
      )}
    </Field>
  );
  return (
    <AdminLayout title={title} current="emails">
      <h1>{title}</h1>
      <p className="muted">
        <FormattedMessage id="emails.intro" values={{ example: "{caseNumber}" }} />
      </p>
      <div className="inline-form">
        <Field id="email-kind" label={t("emails.kind")}>
          {(f) => (
            <select id={f.id} value={kind} onChange={(ev) => setKind(ev.target.value)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`emails.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="email-locale" label={t("emails.locale")}>
          {(f) => (
            <select id={f.id} value={locale} onChange={(ev) => setLocale(ev.target.value)}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {notice && (
        <p
          className={`notice ${notice.ok ? "notice--ok" : "notice--bad"}`}
          role={notice.ok ? "status" : "alert"}
        >
          {notice.text}
        </p>
      )}
      {tpl && (
        <form onSubmit={(ev) => void save(ev)} noValidate lang={locale}>
          <p className="muted">
            <FormattedMessage id={tpl.custom ? "emails.edited" : "emails.default"} />{" "}
            <FormattedMessage
              id="emails.variables"
              values={{ list: tpl.variables.map((v) => `{${v}}`).join(", ") }}
            />
          </p>
          <ErrorSummary errors={Object.entries(errors).map(([id, message]) => ({ id, message }))} />
          {area("subject", 2)}
          {area("html", 10)}
          {area("text", 8)}
          <div className="button-row">
            <button type="button" onClick={() => void showPreview()}>
              <FormattedMessage id="emails.preview" />
            </button>
            <button type="submit" className="primary">
              <FormattedMessage id="emails.save" />
            </button>
            {tpl.custom && (
              <button type="button" className="danger" onClick={() => void reset()}>
                <FormattedMessage id="emails.reset" />
              </button>
            )}
          </div>
        </form>
      )}
      {preview && (
        <section aria-labelledby="email-preview-title">
          <h2 id="email-preview-title">
            <FormattedMessage id="emails.previewTitle" />
          </h2>
          <p id="email-preview-subject">
            <strong>{preview.subject}</strong>
          </p>
          <iframe
            className="email-preview"
            title={t("emails.previewFrame")}
            sandbox=""
            srcDoc={preview.html}
          />
          <pre className="email-preview-text" dir="auto">
            {preview.text}
          </pre>
        </section>
      )}
    </AdminLayout>
  );
}
