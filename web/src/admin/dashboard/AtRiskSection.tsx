import { useMemo } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "../Link.tsx";
import { BarChart } from "./BarChart.tsx";
import { ReportSection } from "./ReportSection.tsx";
import { type AtRisk, type Period, reportQuery } from "./types.ts";
import { useDashboardFormat } from "./useDashboardFormat.ts";
import { useReport } from "./useReport.ts";

/** Open cases that have missed, or may soon miss, their statutory refund deadline (now, any period). */
export function AtRiskSection({ period }: { period: Period }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useDashboardFormat();
  const path = `/reports/at-risk?${reportQuery(period, {}, false)}`;
  const { data, problem } = useReport<AtRisk>(path);
  const categories = useMemo(
    () => [
      intl.formatMessage({ id: "deadline.overdue" }),
      intl.formatMessage({ id: "deadline.approaching" }),
    ],
    [intl],
  );
  const series = useMemo(
    () => [
      {
        label: intl.formatMessage({ id: "dashboard.col.cases" }),
        values: [data?.overdue ?? 0, data?.approaching ?? 0],
      },
    ],
    [data, intl],
  );
  return (
    <ReportSection
      id="risk"
      title={t("dashboard.risk.title")}
      csv={path}
      csvName="at-risk"
      problem={problem}
      loaded={data !== null}
    >
      {data && (
        <>
          <p>
            <FormattedMessage
              id="dashboard.risk.summary"
              values={{ overdue: data.overdue, approaching: data.approaching }}
            />
          </p>
          <BarChart
            label={t("dashboard.risk.chart", { overdue: data.overdue, approaching: data.approaching })}
            {...(data.cases.length > 0 ? { tableId: "risk-table" } : {})}
            categories={categories}
            series={series}
            format={f.count}
            integer
          />
          {data.cases.length > 0 && (
            <table className="data" id="risk-table">
              <caption>{t("dashboard.risk.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.col.case")}</th>
                  <th scope="col">{t("dashboard.col.risk")}</th>
                  <th scope="col">{t("dashboard.col.dueBy")}</th>
                  <th scope="col">{t("dashboard.col.status")}</th>
                  <th scope="col">{t("dashboard.col.vendor")}</th>
                </tr>
              </thead>
              <tbody>
                {data.cases.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`returns/${c.id}`}>{c.number}</Link>
                    </th>
                    <td className={`deadline--${c.risk}`}>{t(`deadline.${c.risk}`)}</td>
                    <td>{f.date(c.dueBy)}</td>
                    <td>{t(`status.${c.status}`)}</td>
                    <td>{c.vendor ?? t("dashboard.none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </ReportSection>
  );
}
