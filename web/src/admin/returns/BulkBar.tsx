import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";
import { type BulkOutcome, runBulk } from "./bulk.ts";
import type { ReturnCaseJson } from "./types.ts";

/** Approve or reject the selected cases; a rejection needs a reason (recorded on each case). */
export function BulkBar({ selected, done }: { selected: readonly ReturnCaseJson[]; done(): void }) {
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string | number>) => intl.formatMessage({ id }, v);
  const { client, can } = useSession();
  const problemText = useProblemText();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  if (!can("returns:decide")) return null;
  async function run(command: "approve" | "reject") {
    if (command === "reject" && !reason.trim()) {
      setError(t("bulk.reason.missing"));
      document.getElementById("bulk-reason")?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      setOutcome(await runBulk(client, selected, command, reason.trim()));
      setReason("");
      done();
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="bulk-bar" aria-labelledby="bulk-title">
      <h2 id="bulk-title">
        <FormattedMessage id="bulk.title" values={{ count: selected.length }} />
      </h2>
      {outcome && (
        <div className={`notice ${outcome.failed.length ? "notice--bad" : "notice--ok"}`} role="status">
          <p>
            <FormattedMessage id="bulk.done" values={{ done: outcome.done, failed: outcome.failed.length }} />
          </p>
          {outcome.failed.length > 0 && (
            <ul>
              {outcome.failed.map((f) => (
                <li key={f.number}>
                  {f.number}: {problemText(f.error)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorSummary errors={error ? [{ id: "bulk-reason", message: error }] : []} />
      <div className="inline-form">
        <Field id="bulk-reason" label={t("bulk.reason")} hint={t("bulk.reason.hint")} error={error}>
          {(f) => (
            <input
              id={f.id}
              value={reason}
              maxLength={1000}
              onChange={(ev) => setReason(ev.target.value)}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
            />
          )}
        </Field>
        <button
          type="button"
          className="primary"
          disabled={busy || selected.length === 0}
          onClick={() => void run("approve")}
        >
          <FormattedMessage id="bulk.approve" values={{ count: selected.length }} />
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy || selected.length === 0}
          onClick={() => void run("reject")}
        >
          <FormattedMessage id="bulk.reject" values={{ count: selected.length }} />
        </button>
      </div>
    </section>
  );
}
