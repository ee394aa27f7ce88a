import { useMemo } from "react";
import { useIntl } from "react-intl";
import { BarChart } from "./BarChart.tsx";
import { ReportSection } from "./ReportSection.tsx";
import { type Period, reportQuery, type StepTime } from "./types.ts";
import { useDashboardFormat } from "./useDashboardFormat.ts";
import { useReport } from "./useReport.ts";

const hours = (s: number | null) => (s === null ? 0 : s / 3600);

/** Processing time per step, median and 90th percentile, of cases opened in the period. */
export function ProcessingSection({ period }: { period: Period }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useDashboardFormat();
  const path = `/reports/processing-times?${reportQuery(period)}`;
  const { data, problem } = useReport<{ steps: StepTime[] }>(path);
  const steps = useMemo(() => data?.steps ?? [], [data]);
  const categories = useMemo(
    () => steps.map((s) => intl.formatMessage({ id: `dashboard.step.${s.step}` })),
    [steps, intl],
  );
  const series = useMemo(
    () => [
      { label: intl.formatMessage({ id: "dashboard.p50" }), values: steps.map((s) => hours(s.p50Seconds)) },
      { label: intl.formatMessage({ id: "dashboard.p90" }), values: steps.map((s) => hours(s.p90Seconds)) },
    ],
    [steps, intl],
  );
  return (
    <ReportSection
      id="times"
      title={t("dashboard.times.title")}
      csv={path}
      csvName="processing-times"
      problem={problem}
      loaded={data !== null}
    >
      <BarChart
        label={t("dashboard.times.chart")}
        tableId="times-table"
        categories={categories}
        series={series}
        format={f.hours}
        horizontal
      />
      <table className="data" id="times-table">
        <caption>{t("dashboard.times.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.col.step")}</th>
            <th scope="col">{t("dashboard.col.cases")}</th>
            <th scope="col">{t("dashboard.p50")}</th>
            <th scope="col">{t("dashboard.p90")}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr key={s.step}>
              <th scope="row">{categories[i]}</th>
              <td className="amount">{f.count(s.cases)}</td>
              <td className="amount">{f.duration(s.p50Seconds)}</td>
              <td className="amount">{f.duration(s.p90Seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportSection>
  );
}
