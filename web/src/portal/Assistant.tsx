import { type FormEvent, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useLocale } from "../shared/i18n/I18n.tsx";
import { Field } from "../shared/ui/Field.tsx";
import { usePortal } from "./state.tsx";
import type { AssistantReply } from "./types.ts";

const MAX = 500;
const SUGGESTIONS = ["eligibility", "refund", "status"] as const;

interface Exchange {
  readonly id: number;
  readonly question: string;
  readonly reply: AssistantReply | null;
}

/**
 * The returns assistant: the shopper asks in their own words and reads the answer with the facts
 * (statute, policy rule or case field) behind it; answers are announced politely (aria-live).
 */
export function Assistant({ caseId }: { caseId?: string }) {
  const { api } = usePortal();
  const { locale } = useLocale();
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string | number>) => intl.formatMessage({ id }, v);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [log, setLog] = useState<Exchange[]>([]);
  const input = useRef<HTMLInputElement>(null);

  async function ask(question: string) {
    const q = question.trim();
    if (!q) return setError(t("assistant.error.empty"));
    if (q.length > MAX) return setError(t("assistant.error.long", { max: MAX }));
    setError(null);
    setBusy(true);
    const id = Date.now();
    setLog((l) => [...l, { id, question: q, reply: null }]);
    setText("");
    try {
      const reply = await api.assistant({ message: q, locale, ...(caseId ? { caseId } : {}) });
      setLog((l) => l.map((e) => (e.id === id ? { ...e, reply } : e)));
    } catch {
      setLog((l) => l.filter((e) => e.id !== id));
      setError(t("assistant.error.generic"));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void ask(text);
  };

  return (
    <section className="assistant card" aria-labelledby="assistant-title">
      <h2 id="assistant-title">
        <FormattedMessage id="assistant.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="assistant.intro" />
      </p>
      <div className="assistant-log" role="log" aria-live="polite" aria-relevant="additions text">
        {log.map((e) => (
          <div key={e.id} className="assistant-exchange">
            <p className="assistant-question">
              <span className="visually-hidden">{t("assistant.you")} </span>
              {e.question}
            </p>
            {e.reply ? <Answer reply={e.reply} /> : <p role="status">{t("assistant.thinking")}</p>}
          </div>
        ))}
      </div>
      <div className="assistant-suggestions">
        {SUGGESTIONS.map((s) => (
          <button
            key={s}
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void ask(t(`assistant.suggest.${s}`))}
          >
            {t(`assistant.suggest.${s}`)}
          </button>
        ))}
      </div>
      <form onSubmit={submit} noValidate className="assistant-form">
        <Field label={t("assistant.label")} error={error} id="assistant-question">
          {({ id, describedBy, invalid }) => (
            <input
              ref={input}
              id={id}
              type="text"
              value={text}
              maxLength={MAX + 1}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          <FormattedMessage id="assistant.ask" />
        </button>
      </form>
    </section>
  );
}

function Answer({ reply }: { reply: AssistantReply }) {
  const intl = useIntl();
  return (
    <div className="assistant-answer" lang={reply.locale}>
      <p>{reply.answer}</p>
      {reply.handover && (
        <p className="notice">
          <FormattedMessage id="assistant.handover" />
        </p>
      )}
      {reply.facts.length > 0 && (
        <details>
          <summary>
            <FormattedMessage id="assistant.facts" values={{ count: reply.facts.length }} />
          </summary>
          <ul className="assistant-facts">
            {reply.facts.map((f) => (
              <li key={`${f.kind}-${f.text}`}>
                {f.text}
                {f.citation && (
                  <>
                    {" "}
                    <cite>{intl.formatMessage({ id: "assistant.source" }, { source: f.citation })}</cite>
                  </>
                )}
                {f.caseFact && (
                  <>
                    {" "}
                    <small>{intl.formatMessage({ id: "assistant.caseFact" }, { field: f.caseFact })}</small>
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
