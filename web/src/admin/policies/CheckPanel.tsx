import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import type { CheckResult } from "./usePolicyCheck.ts";

/** The live answer to the draft: statutory warnings (announced politely), what a save would refuse. */
export function CheckPanel({ result }: { result: CheckResult | null }) {
  return (
    <section aria-labelledby="warnings-title" className="policy-check">
      <h2 id="warnings-title">
        <FormattedMessage id="policyEditor.warnings" />
      </h2>
      <div aria-live="polite" id="policy-warnings">
        {result === null ? (
          <p className="muted">
            <FormattedMessage id="form.loading" />
          </p>
        ) : result.warnings.length === 0 ? (
          <p className="notice notice--ok">
            <FormattedMessage id="policyEditor.noWarnings" />
          </p>
        ) : (
          <ul className="warnings">
            {result.warnings.map((w) => (
              <li key={`${w.jurisdiction}-${w.field}-${w.citation}`} className="notice notice--bad">
                <strong>{w.jurisdiction}</strong> · {w.message} <span className="muted">({w.citation})</span>
              </li>
            ))}
          </ul>
        )}
        {result?.problem && (
          <p className="notice notice--bad">
            <FormattedMessage id="policyEditor.problem" values={{ message: result.problem.message }} />
          </p>
        )}
      </div>
    </section>
  );
}

/** The sample return judged with the draft. */
export function SampleDecision({ result }: { result: CheckResult | null }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const fmt = useFormat();
  const lines = result?.decision?.lines ?? [];
  if (lines.length === 0) return null;
  return (
    <ul aria-live="polite" className="sample-decision">
      {lines.map((l) => (
        <li key={l.orderLineExternalId}>
          <strong>{l.orderLineExternalId}</strong>:{" "}
          {l.eligible ? (
            <FormattedMessage
              id="case.line.handled"
              values={{ track: t(`track.${l.track ?? "none"}`), date: fmt.date(l.returnBy) }}
            />
          ) : (
            <FormattedMessage id="policyEditor.sample.ineligible" />
          )}
          <ul>
            {l.tracks.map((tr) => (
              <li key={tr.track}>
                {t(`track.${tr.track}`)}: {t(tr.eligible ? "yes" : "no")} — {tr.explanation}{" "}
                <span className="muted">({tr.citation})</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
