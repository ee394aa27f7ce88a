import { useMemo, useState } from "react";
import { useIntl } from "react-intl";
import { BarChart } from "./BarChart.tsx";
import { ReportSection } from "./ReportSection.tsx";
import { type Period, type RefundTotal, reportQuery } from "./types.ts";
import { useDashboardFormat } from "./useDashboardFormat.ts";
import { useReport } from "./useReport.ts";

/** Refund totals per currency and method; the chart shows one currency at a time (never summed across). */
export function RefundSection({ period }: { period: Period }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useDashboardFormat();
  const path = `/reports/refunds?${reportQuery(period)}`;
  const { data, problem } = useReport<{ totals: RefundTotal[] }>(path);
  /** Currencies, the one with the most payments first (the chart's default). */
  const currencies = useMemo(() => {
    const n = new Map<string, number>();
    for (const x of data?.totals ?? [])
      n.set(x.currency, (n.get(x.currency) ?? 0) + x.refundedCount + x.inProgressCount);
    return [...n.keys()].sort((a, b) => (n.get(b) ?? 0) - (n.get(a) ?? 0) || a.localeCompare(b));
  }, [data]);
  const [chosen, setChosen] = useState("");
  const currency = currencies.includes(chosen) ? chosen : (currencies[0] ?? "");
  const shown = useMemo(() => data?.totals.filter((x) => x.currency === currency) ?? [], [data, currency]);
  const categories = useMemo(
    () => shown.map((x) => intl.formatMessage({ id: `method.${x.method}` })),
    [shown, intl],
  );
  const series = useMemo(
    () => [
      {
        label: intl.formatMessage({ id: "dashboard.refunds.refunded" }),
        values: shown.map((x) => Number(x.refunded.amount)),
      },
      {
        label: intl.formatMessage({ id: "dashboard.refunds.inProgress" }),
        values: shown.map((x) => Number(x.inProgress.amount)),
      },
    ],
    [shown, intl],
  );
  const money = useMemo(() => (n: number) => f.money({ amount: String(n), currency }), [f, currency]);
  return (
    <ReportSection
      id="refunds"
      title={t("dashboard.refunds.title")}
      csv={path}
      csvName="refunds"
      problem={problem}
      loaded={data !== null}
      tools={
        currencies.length > 1 && (
          <div className="field">
            <label htmlFor="refunds-currency">{t("dashboard.refunds.currency")}</label>
            <select id="refunds-currency" value={currency} onChange={(e) => setChosen(e.target.value)}>
              {[...currencies].sort().map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        )
      }
    >
      {data && data.totals.length === 0 && <p className="muted">{t("dashboard.empty")}</p>}
      {data && data.totals.length > 0 && (
        <>
          <BarChart
            label={t("dashboard.refunds.chart", { currency })}
            tableId="refunds-table"
            categories={categories}
            series={series}
            format={money}
          />
          <table className="data" id="refunds-table">
            <caption>{t("dashboard.refunds.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.col.currency")}</th>
                <th scope="col">{t("dashboard.col.method")}</th>
                <th scope="col">{t("dashboard.refunds.refunded")}</th>
                <th scope="col">{t("dashboard.col.count")}</th>
                <th scope="col">{t("dashboard.refunds.inProgress")}</th>
                <th scope="col">{t("dashboard.col.count")}</th>
              </tr>
            </thead>
            <tbody>
              {data.totals.map((x) => (
                <tr key={`${x.currency}-${x.method}`}>
                  <th scope="row">{x.currency}</th>
                  <td>{t(`method.${x.method}`)}</td>
                  <td className="amount">{f.money(x.refunded)}</td>
                  <td className="amount">{f.count(x.refundedCount)}</td>
                  <td className="amount">{f.money(x.inProgress)}</td>
                  <td className="amount">{f.count(x.inProgressCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </ReportSection>
  );
}
