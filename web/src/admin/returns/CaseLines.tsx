import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import type { ReturnCaseJson, Track } from "./types.ts";

/** Each line with the frozen decision: the track it is handled under, every track's answer and why. */
export function CaseLines({ kase }: { kase: ReturnCaseJson }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const fmt = useFormat();
  const decisions = kase.decision?.lines ?? [];
  return (
    <section aria-labelledby="lines-title">
      <h2 id="lines-title">
        <FormattedMessage id="case.lines" />
      </h2>
      {kase.lines.map((l) => {
        const d = decisions.find((x) => x.orderLineExternalId === l.orderLineExternalId);
        return (
          <article key={l.id} className="case-line">
            <h3>
              {l.quantities.requested} × {l.title} <span className="muted">({l.sku})</span>
            </h3>
            <p>
              <FormattedMessage
                id="case.line.summary"
                values={{
                  reason: t(`reason.${l.reason}`),
                  resolution: t(`resolution.${l.resolution}`),
                  price: fmt.money({ amount: l.unitPrice, currency: kase.currency }),
                }}
              />
            </p>
            {l.comment && <blockquote className="comment">{l.comment}</blockquote>}
            <p className="quantities">
              {(["approved", "rejected", "received", "accepted", "refused", "refunded"] as const).map((k) => (
                <span key={k}>
                  {t(`qty.${k}`)}: {l.quantities[k] ?? 0}
                </span>
              ))}
            </p>
            {d && (
              <>
                <p>
                  <strong>
                    {d.eligible ? (
                      <FormattedMessage
                        id="case.line.handled"
                        values={{ track: t(`track.${d.track ?? "none"}`), date: fmt.date(d.returnBy) }}
                      />
                    ) : (
                      <FormattedMessage id="case.line.ineligible" />
                    )}
                  </strong>
                </p>
                <TrackTable tracks={d.tracks} />
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}

function TrackTable({ tracks }: { tracks: readonly Track[] }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const fmt = useFormat();
  return (
    <table className="data tracks">
      <thead>
        <tr>
          {["track", "eligible", "returnBy", "citation", "confidence", "explanation"].map((c) => (
            <th key={c} scope="col">
              <FormattedMessage id={`track.col.${c}`} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tracks.map((tr) => (
          <tr key={tr.track}>
            <th scope="row">{t(`track.${tr.track}`)}</th>
            <td>{t(tr.eligible ? "yes" : "no")}</td>
            <td>{fmt.date(tr.returnBy)}</td>
            <td>{tr.citation ?? "—"}</td>
            <td>{tr.confidence ? t(`confidence.${tr.confidence}`) : "—"}</td>
            <td>
              {[...new Set([tr.explanation, ...tr.blockedBy.map((b) => b.message)])].filter(Boolean).join(" · ") || "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
