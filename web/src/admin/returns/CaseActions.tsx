import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { useSession } from "../session.tsx";
import { errorsFor, useProblemText } from "../useForm.ts";
import type { ReturnCaseJson } from "./types.ts";

const DECISIONS = ["approve", "reject", "review", "cancel", "close"] as const;

/**
 * The agent's decision on a case. Approving fewer units than asked, or lines the engine found
 * ineligible, overrides the engine: the reason is then required and recorded on the event.
 */
export function CaseActions({ kase, changed }: { kase: ReturnCaseJson; changed(): void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { client, can } = useSession();
  const problemText = useProblemText();
  const [reason, setReason] = useState("");
  const [qty, setQty] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const commands = DECISIONS.filter((c) => kase.allowedCommands.includes(c));
  if (!can("returns:decide") || commands.length === 0) return null;
  const ineligible = (kase.decision?.lines ?? []).some((l) => !l.eligible);
  const approveLines = kase.lines.map((l) => ({
    lineId: l.id,
    quantity: qty[l.id] === undefined ? (l.quantities.requested ?? 0) : Number(qty[l.id]),
  }));
  const fewer = approveLines.some((a, i) => a.quantity !== kase.lines[i]?.quantities.requested);

  async function run(command: (typeof DECISIONS)[number]) {
    const override = command === "approve" && (ineligible || fewer);
    const bad: Record<string, string> = {};
    if ((command === "reject" || override) && !reason.trim())
      bad["case-reason"] = t(override ? "case.override.reasonMissing" : "case.reason.missing");
    approveLines.forEach((a, i) => {
      const max = kase.lines[i]?.quantities.requested ?? 0;
      if (command === "approve" && !(Number.isInteger(a.quantity) && a.quantity >= 0 && a.quantity <= max))
        bad[`qty-${a.lineId}`] = intl.formatMessage({ id: "case.qty.range" }, { max });
    });
    setErrors(bad);
    if (Object.keys(bad).length > 0) return;
    try {
      await client.merchant("POST", `/returns/${kase.id}/${command}`, {
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(command === "approve" && fewer ? { lines: approveLines } : {}),
        expectedVersion: kase.version,
      });
      setReason("");
      setQty({});
      setProblem(null);
      changed();
    } catch (e) {
      setProblem(problemText(e));
      setErrors(errorsFor(e, { reason: "case-reason" }));
    }
  }
  return (
    <section aria-labelledby="actions-title" className="case-actions">
      <h2 id="actions-title">
        <FormattedMessage id="case.actions" />
      </h2>
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      <ErrorSummary errors={Object.entries(errors).map(([id, message]) => ({ id, message }))} />
      {ineligible && (
        <p className="notice">
          <FormattedMessage id="case.override.ineligible" />
        </p>
      )}
      {commands.includes("approve") && (
        <fieldset>
          <legend>
            <FormattedMessage id="case.approveQuantities" />
          </legend>
          {kase.lines.map((l) => (
            <Field
              key={l.id}
              id={`qty-${l.id}`}
              label={`${l.title} (${l.sku})`}
              error={errors[`qty-${l.id}`]}
            >
              {(f) => (
                <input
                  id={f.id}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={l.quantities.requested}
                  value={qty[l.id] ?? String(l.quantities.requested ?? 0)}
                  onChange={(ev) => setQty((q) => ({ ...q, [l.id]: ev.target.value }))}
                  aria-describedby={f.describedBy}
                  aria-invalid={f.invalid}
                />
              )}
            </Field>
          ))}
        </fieldset>
      )}
      <Field
        id="case-reason"
        label={t("case.reason")}
        hint={t("case.reason.hint")}
        error={errors["case-reason"]}
      >
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
      <div className="button-row">
        {commands.map((c) => (
          <button
            key={c}
            type="button"
            className={c === "approve" ? "primary" : c === "reject" || c === "cancel" ? "danger" : undefined}
            onClick={() => void run(c)}
          >
            <FormattedMessage id={`command.${c}`} />
          </button>
        ))}
      </div>
    </section>
  );
}
