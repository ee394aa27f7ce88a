import { type FormEvent, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";
import type { CaseEventJson } from "./types.ts";

/** The case's append-only events, newest last, with the internal notes agents add between them. */
export function CaseTimeline(props: { caseId: string; events: readonly CaseEventJson[]; changed(): void }) {
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string>) => intl.formatMessage({ id }, v);
  const fmt = useFormat();
  const { client, can, boot } = useSession();
  const problemText = useProblemText();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function add(ev: FormEvent) {
    ev.preventDefault();
    if (!text.trim()) {
      setError(t("note.missing"));
      return;
    }
    try {
      await client.merchant("POST", `/returns/${props.caseId}/notes`, { text: text.trim() });
      setText("");
      setError(null);
      props.changed();
    } catch (e) {
      setError(problemText(e));
    }
  }
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        <FormattedMessage id="timeline.title" />
      </h2>
      <ol className="timeline">
        {props.events.map((e) => (
          <li key={e.id} className={e.type === "return.note_added" ? "note" : undefined}>
            <p>
              <strong>{t(`event.${e.type}`)}</strong> <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
            </p>
            <p className="muted">
              <FormattedMessage
                id="timeline.by"
                values={{ actor: e.actor.name ?? e.actor.id, kind: t(`actor.${e.actor.kind}`) }}
              />
              {e.fromStatus !== e.toStatus && e.fromStatus
                ? ` · ${t(`status.${e.fromStatus}`)} → ${t(`status.${e.toStatus}`)}`
                : ""}
            </p>
            {e.type === "return.note_added" && typeof e.data.text === "string" && (
              <blockquote className="comment">{e.data.text}</blockquote>
            )}
            {e.type === "inventory.adjusted" && (
              <p>
                {t("timeline.inventory", {
                  quantity: String(e.data.quantity),
                  sku: String(e.data.sku),
                  grade: t(`grade.${String(e.data.grade)}`),
                  disposition: t(`disposition.${String(e.data.disposition)}`),
                  location: typeof e.data.location === "string" ? e.data.location : "—",
                })}
              </p>
            )}
            {e.type === "return.photo_added" && typeof e.data.photoId === "string" && (
              <a href={`${boot.merchantApi}/returns/${props.caseId}/photos/${e.data.photoId}`}>
                <img
                  className="case-photo"
                  src={`${boot.merchantApi}/returns/${props.caseId}/photos/${e.data.photoId}`}
                  alt={t("timeline.photo", { actor: e.actor.name ?? e.actor.id })}
                  loading="lazy"
                />
              </a>
            )}
            {e.reason && <p>{t("timeline.reason", { reason: e.reason })}</p>}
          </li>
        ))}
      </ol>
      {can("returns:decide") && (
        <form onSubmit={(ev) => void add(ev)} noValidate>
          <ErrorSummary errors={error ? [{ id: "note-text", message: error }] : []} />
          <Field id="note-text" label={t("note.label")} hint={t("note.hint")} error={error}>
            {(f) => (
              <textarea
                id={f.id}
                rows={3}
                maxLength={4000}
                value={text}
                onChange={(ev) => setText(ev.target.value)}
                aria-describedby={f.describedBy}
                aria-invalid={f.invalid}
              />
            )}
          </Field>
          <button type="submit">
            <FormattedMessage id="note.add" />
          </button>
        </form>
      )}
    </section>
  );
}
