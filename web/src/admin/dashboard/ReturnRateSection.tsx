import { useMemo } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { BarChart } from "./BarChart.tsx";
import { ReportSection } from "./ReportSection.tsx";
import {
  DIMENSIONS,
  type Dimension,
  type Period,
  type RateReport,
  type RateRow,
  reportQuery,
} from "./types.ts";
import { useDashboardFormat } from "./useDashboardFormat.ts";
import { useReport } from "./useReport.ts";

const TOP = 15;

/** Return rate by product, category, market, vendor or reason: chart of the highest, table, CSV. */
export function ReturnRateSection({ period, onBy }: { period: Period; onBy: (by: Dimension) => void }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useDashboardFormat();
  const path = `/reports/return-rates?${reportQuery(period, { by: period.by })}`;
  const { data, problem } = useReport<RateReport>(path);
  const rows = useMemo(() => data?.rows.slice(0, TOP) ?? [], [data]);
  const categories = useMemo(() => {
    const regions = new Intl.DisplayNames([intl.locale], { type: "region" });
    const name = (r: RateRow): string => {
      if (r.key === null) return intl.formatMessage({ id: "dashboard.none" });
      if (data?.by === "reason") return intl.formatMessage({ id: `reason.${r.key}` });
      if (data?.by === "market") return regions.of(r.key) ?? r.key;
      if (data?.by === "product" && r.label) return `${r.label} (${r.key})`;
      return r.key;
    };
    return rows.map(name);
  }, [rows, data, intl]);
  const series = useMemo(
    () => [{ label: intl.formatMessage({ id: "dashboard.rate" }), values: rows.map((r) => r.rate ?? 0) }],
    [rows, intl],
  );
  const byLabel = t(`dashboard.by.${period.by}`);
  return (
    <ReportSection
      id="rates"
      title={t("dashboard.rates.title")}
      csv={path}
      csvName={`return-rates-${period.by}`}
      problem={problem}
      loaded={data !== null}
      tools={
        <div className="field">
          <label htmlFor="rates-by">{t("dashboard.by")}</label>
          <select id="rates-by" value={period.by} onChange={(e) => onBy(e.target.value as Dimension)}>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`dashboard.by.${d}`)}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {data && (
        <>
          <p>
            <FormattedMessage
              id="dashboard.rates.summary"
              values={{
                ordered: f.count(data.orderedUnits),
                returned: f.count(data.returnedUnits),
                rate: f.percent(data.rate),
              }}
            />
          </p>
          {rows.length === 0 ? (
            <p className="muted">{t("dashboard.empty")}</p>
          ) : (
            <>
              <BarChart
                label={t("dashboard.rates.chart", { by: byLabel, count: rows.length })}
                tableId="rates-table"
                categories={categories}
                series={series}
                format={f.percent}
                horizontal
              />
              <table className="data" id="rates-table">
                <caption>
                  {t("dashboard.rates.caption", { by: byLabel, shown: rows.length, total: data.rows.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{byLabel}</th>
                    <th scope="col">{t("dashboard.col.ordered")}</th>
                    <th scope="col">{t("dashboard.col.returned")}</th>
                    <th scope="col">{t("dashboard.rate")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={r.key ?? ""}>
                      <th scope="row">{categories[i]}</th>
                      <td className="amount">{f.count(r.orderedUnits)}</td>
                      <td className="amount">{f.count(r.returnedUnits)}</td>
                      <td className="amount">{f.percent(r.rate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </ReportSection>
  );
}
