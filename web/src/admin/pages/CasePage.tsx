import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import { AdminLayout } from "../AdminLayout.tsx";
import { Link } from "../Link.tsx";
import { CaseActions } from "../returns/CaseActions.tsx";
import { CaseLines } from "../returns/CaseLines.tsx";
import { CaseMoney } from "../returns/CaseMoney.tsx";
import { CaseTimeline } from "../returns/CaseTimeline.tsx";
import { RefundPanel } from "../returns/RefundPanel.tsx";
import { useCase } from "../returns/useCase.ts";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

/** One case: its lines and frozen decision, the agent's actions, refund, money and timeline. */
export default function CasePage({ id }: { id: string }) {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const fmt = useFormat();
  const { client } = useSession();
  const problemText = useProblemText();
  const [problem, setProblem] = useState<string | null>(null);
  const { data, reload } = useCase(client, id, (e) => setProblem(problemText(e)));
  const kase = data?.kase;
  const title = kase ? intl.formatMessage({ id: "case.title" }, { number: kase.number }) : t("form.loading");
  return (
    <AdminLayout title={title} current="returns">
      <p>
        <Link to="returns">
          <FormattedMessage id="case.back" />
        </Link>
      </p>
      <h1>{title}</h1>
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      {kase && data && (
        <>
          <dl className="case-facts">
            <dt>{t("case.status")}</dt>
            <dd>
              <span className={`badge badge--${kase.status}`}>{t(`status.${kase.status}`)}</span>
            </dd>
            <dt>{t("case.order")}</dt>
            <dd>{kase.orderExternalId}</dd>
            <dt>{t("case.requested")}</dt>
            <dd>{t(`resolution.${kase.requestedResolution}`)}</dd>
            <dt>{t("case.opened")}</dt>
            <dd>{fmt.dateTime(kase.createdAt)}</dd>
            {kase.shipBy && (
              <>
                <dt>{t("case.shipBy")}</dt>
                <dd>{fmt.day(kase.shipBy)}</dd>
              </>
            )}
            {kase.refundDeadline && (
              <>
                <dt>{t("case.refundDeadline")}</dt>
                <dd>
                  {fmt.date(kase.refundDeadline.dueBy)} ({t(`deadline.${kase.refundDeadline.status}`)})
                  {kase.refundDeadline.citation ? ` — ${kase.refundDeadline.citation}` : ""}
                </dd>
              </>
            )}
            {kase.vendor && (
              <>
                <dt>{t("filter.vendor")}</dt>
                <dd>{kase.vendor}</dd>
              </>
            )}
          </dl>
          {kase.overrides.map((o) => (
            <p key={o.at} className="notice">
              <FormattedMessage
                id="case.overridden"
                values={{ reason: o.reason, actor: o.actor.name ?? o.actor.id }}
              />
            </p>
          ))}
          <CaseLines kase={kase} />
          <CaseActions kase={kase} changed={() => void reload()} />
          <RefundPanel kase={kase} changed={() => void reload()} />
          <CaseMoney settlements={kase.settlements ?? []} creditNotes={data.creditNotes} />
          <CaseTimeline caseId={kase.id} events={data.events} changed={() => void reload()} />
        </>
      )}
    </AdminLayout>
  );
}
