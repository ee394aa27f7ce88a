import { type FormEvent, useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { href, navigate } from "../router.ts";
import type { Filter, FilterKey } from "./queue-filter.ts";
import { REASONS, RESOLUTIONS, STATUSES } from "./types.ts";

const OPEN = "requested,needs_review";

/**
 * The queue's filter form; applying it changes the page's URL (so a view can be bookmarked or saved).
 * A vendor account has no vendor filter: the server holds its queue to its own vendor.
 */
export function QueueFilters({ filter, byVendor = true }: { filter: Filter; byVendor?: boolean }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [draft, setDraft] = useState<Filter>(filter);
  useEffect(() => setDraft(filter), [filter]);
  const set = (k: FilterKey) => (ev: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: ev.target.value }));
  function apply(ev: FormEvent) {
    ev.preventDefault();
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(draft)) {
      if (k === "vendor" && !byVendor) continue;
      if (v?.trim()) query[k] = k === "market" ? v.trim().toUpperCase() : v.trim();
    }
    navigate(href("returns", query), { keepFocus: true });
  }
  const select = (k: FilterKey, options: readonly [string, string][], anyId = "filter.any") => (
    <div className="field">
      <label htmlFor={`filter-${k}`}>{t(`filter.${k}`)}</label>
      <select id={`filter-${k}`} value={draft[k] ?? ""} onChange={set(k)}>
        <option value="">{t(anyId)}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="filters" onSubmit={apply} aria-label={t("queue.filters")}>
      {select("status", [
        [OPEN, t("filter.status.open")],
        ...STATUSES.map((s): [string, string] => [s, t(`status.${s}`)]),
      ])}
      {select(
        "refundDue",
        ["approaching", "overdue"].map((v): [string, string] => [v, t(`filter.refundDue.${v}`)]),
      )}
      {select(
        "reason",
        REASONS.map((r): [string, string] => [r, t(`reason.${r}`)]),
      )}
      {select(
        "resolution",
        RESOLUTIONS.map((r): [string, string] => [r, t(`resolution.${r}`)]),
      )}
      <div className="field">
        <label htmlFor="filter-market">{t("filter.market")}</label>
        <input
          id="filter-market"
          value={draft.market ?? ""}
          onChange={set("market")}
          maxLength={2}
          size={4}
          autoCapitalize="characters"
        />
      </div>
      {byVendor && (
        <div className="field">
          <label htmlFor="filter-vendor">{t("filter.vendor")}</label>
          <input
            id="filter-vendor"
            value={draft.vendor ?? ""}
            onChange={set("vendor")}
            maxLength={100}
            size={12}
          />
        </div>
      )}
      {select("sort", [["oldest", t("sort.oldest")]], "sort.newest")}
      <div className="filter-actions">
        <button type="submit" className="primary">
          <FormattedMessage id="filter.apply" />
        </button>
        <button type="button" onClick={() => navigate(href("returns"), { keepFocus: true })}>
          <FormattedMessage id="filter.clear" />
        </button>
      </div>
    </form>
  );
}
