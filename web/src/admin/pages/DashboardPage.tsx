import { type FormEvent, useEffect, useMemo, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { AdminLayout } from "../AdminLayout.tsx";
import { AtRiskSection } from "../dashboard/AtRiskSection.tsx";
import { ProcessingSection } from "../dashboard/ProcessingSection.tsx";
import { RefundSection } from "../dashboard/RefundSection.tsx";
import { ReturnRateSection } from "../dashboard/ReturnRateSection.tsx";
import { type Dimension, type Period, periodFromSearch } from "../dashboard/types.ts";
import { href, navigate, useLocation } from "../router.ts";
import { useSession } from "../session.tsx";

/**
 * The managers' dashboard: return rates, refund totals, processing times and cases at risk for a
 * period and market (a vendor account sees its own figures); every report also as CSV.
 */
export default function DashboardPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { me } = useSession();
  const loc = useLocation();
  const period = useMemo(() => periodFromSearch(loc.search), [loc.search]);
  const [draft, setDraft] = useState<Period>(period);
  useEffect(() => setDraft(period), [period]);
  const [error, setError] = useState<string | null>(null);
  const go = (p: Period) =>
    navigate(href("dashboard", { from: p.from, to: p.to, market: p.market, vendor: p.vendor, by: p.by }), {
      keepFocus: true,
    });
  function apply(ev: FormEvent) {
    ev.preventDefault();
    if (draft.from > draft.to) {
      setError(t("dashboard.period.backwards"));
      return;
    }
    setError(null);
    go({ ...draft, market: draft.market.trim().toUpperCase(), vendor: draft.vendor.trim() });
  }
  if (!me) return null;
  const title = t("dashboard.title");
  const set = (k: "from" | "to" | "market" | "vendor") => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  return (
    <AdminLayout title={title} current="dashboard">
      <h1>{title}</h1>
      {me.account.role === "vendor" && (
        <p>
          <FormattedMessage id="dashboard.vendorOnly" values={{ vendor: me.account.vendor ?? "" }} />
        </p>
      )}
      <form className="filters" onSubmit={apply} aria-label={t("dashboard.filters")} noValidate>
        <div className={`field${error ? " field--error" : ""}`}>
          <label htmlFor="period-from">{t("dashboard.period.from")}</label>
          <input id="period-from" type="date" value={draft.from} onChange={set("from")} required />
        </div>
        <div className={`field${error ? " field--error" : ""}`}>
          <label htmlFor="period-to">{t("dashboard.period.to")}</label>
          {error && (
            <p className="error" id="period-error">
              {error}
            </p>
          )}
          <input
            id="period-to"
            type="date"
            value={draft.to}
            onChange={set("to")}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "period-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="period-market">{t("filter.market")}</label>
          <input id="period-market" value={draft.market} onChange={set("market")} maxLength={2} size={4} />
        </div>
        {me.account.role !== "vendor" && (
          <div className="field">
            <label htmlFor="period-vendor">{t("filter.vendor")}</label>
            <input
              id="period-vendor"
              value={draft.vendor}
              onChange={set("vendor")}
              maxLength={100}
              size={16}
            />
          </div>
        )}
        <div className="filter-actions">
          <button type="submit">{t("dashboard.apply")}</button>
        </div>
      </form>
      <p className="muted">
        <FormattedMessage id="dashboard.period.note" />
      </p>
      <div className="dashboard">
        <ReturnRateSection period={period} onBy={(by: Dimension) => go({ ...period, by })} />
        <RefundSection period={period} />
        <ProcessingSection period={period} />
        <AtRiskSection period={period} />
      </div>
    </AdminLayout>
  );
}
