import { FormattedMessage, useIntl } from "react-intl";
import type { Client } from "../api.ts";
import { GradeForm } from "./GradeForm.tsx";
import type { Disposition, Grade, ReceivingCase } from "./types.ts";

export interface ViewLine {
  readonly id: string;
  readonly sku: string;
  readonly gtin: string | null;
  readonly title: string;
  readonly approved: number;
  readonly received: number;
  readonly expected: number;
  readonly toGrade: number;
}

/** The open parcel: its return, the expected lines with what is ticked off, exceptions, grading. */
export function ParcelPanel(props: {
  kase: ReceivingCase;
  lines: readonly ViewLine[];
  client: Client;
  receiveOne(line: ViewLine): void;
  markShort(): void;
  grade(line: ViewLine, g: { grade: Grade; disposition: Disposition; outcome: "accepted" | "refused" }): void;
  close(): void;
  problemText(e: unknown): string;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { kase, lines } = props;
  const canReceive = kase.allowedCommands.includes("receive");
  const canGrade = kase.allowedCommands.includes("inspect") || canReceive;
  const stillExpected = lines.reduce((s, l) => s + l.expected, 0);
  return (
    <section aria-labelledby="parcel-title" className="parcel">
      <h2 id="parcel-title">
        <FormattedMessage
          id="receiving.parcel.title"
          values={{ number: kase.number, order: kase.orderExternalId }}
        />{" "}
        <span className={`badge badge--${kase.status}`}>{t(`status.${kase.status}`)}</span>
      </h2>
      {!canReceive && (
        <p className="notice">
          <FormattedMessage
            id="receiving.parcel.notReceivable"
            values={{ status: t(`status.${kase.status}`) }}
          />
        </p>
      )}
      <table className="data station-lines">
        <caption>{t("receiving.lines.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("receiving.lines.item")}</th>
            <th scope="col">{t("receiving.lines.received")}</th>
            <th scope="col">{t("receiving.lines.expected")}</th>
            <th scope="col">{t("receiving.lines.toGrade")}</th>
            <th scope="col">{t("receiving.lines.action")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id} data-sku={l.sku} className={l.expected === 0 ? "line-done" : undefined}>
              <th scope="row">
                {l.title}
                <span className="muted sku">
                  {l.sku}
                  {l.gtin ? ` · ${l.gtin}` : ""}
                </span>
              </th>
              <td className="count" data-testid="received">
                <FormattedMessage
                  id="receiving.lines.ofApproved"
                  values={{ received: l.received, approved: l.approved }}
                />
              </td>
              <td className="count">{l.expected}</td>
              <td className="count">{l.toGrade}</td>
              <td>
                {canReceive && l.expected > 0 && (
                  <button type="button" className="big" onClick={() => props.receiveOne(l)}>
                    <FormattedMessage id="receiving.lines.receiveOne" values={{ title: l.title }} />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        {canReceive && stillExpected > 0 && (
          <button type="button" className="danger big" onClick={props.markShort}>
            <FormattedMessage id="receiving.exception.short" values={{ count: stillExpected }} />
          </button>
        )}
        <button type="button" className="secondary big" onClick={props.close}>
          <FormattedMessage id="receiving.parcel.next" />
        </button>
      </div>
      {canGrade && lines.some((l) => l.toGrade > 0) && (
        <>
          <h2>
            <FormattedMessage id="receiving.grade.title" />
          </h2>
          {lines
            .filter((l) => l.toGrade > 0)
            .map((l) => (
              <GradeForm
                key={l.id}
                caseId={kase.id}
                line={l}
                client={props.client}
                problemText={props.problemText}
                save={(g) => props.grade(l, g)}
              />
            ))}
        </>
      )}
    </section>
  );
}
