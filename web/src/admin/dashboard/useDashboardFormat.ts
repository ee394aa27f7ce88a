import { useMemo } from "react";
import { useIntl } from "react-intl";

/** Numbers of the dashboard through Intl: counts, rates, durations (hours or days), money, days. */
export function useDashboardFormat() {
  const { locale } = useIntl();
  return useMemo(() => {
    const count = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
    const unit = (u: "hour" | "day") =>
      new Intl.NumberFormat(locale, {
        style: "unit",
        unit: u,
        unitDisplay: "long",
        maximumFractionDigits: 1,
      });
    const hours = unit("hour");
    const days = unit("day");
    const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    return {
      count: (n: number) => count.format(n),
      percent: (n: number | null) => (n === null ? "–" : percent.format(n)),
      /** Under two days in hours, beyond in days. */
      duration: (seconds: number | null) => {
        if (seconds === null) return "–";
        const h = seconds / 3600;
        return h < 48 ? hours.format(h) : days.format(h / 24);
      },
      hours: (h: number) => hours.format(h),
      /** A decimal string in its currency (exact: Intl formats the string, not a float). */
      money: (m: { amount: string; currency: string }) =>
        new Intl.NumberFormat(locale, { style: "currency", currency: m.currency }).format(
          m.amount as `${number}`,
        ),
      /** A day "YYYY-MM-DD" as it is. */
      date: (d: string | null) => (d ? day.format(new Date(`${d.slice(0, 10)}T00:00:00Z`)) : "–"),
    };
  }, [locale]);
}
