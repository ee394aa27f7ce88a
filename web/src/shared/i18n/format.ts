import { useIntl } from "react-intl";

export interface Money {
  readonly amount: string;
  readonly currency: string;
}

/** Amounts, dates and times in the page's language, through Intl (amounts stay decimal strings). */
export function useFormat() {
  const intl = useIntl();
  const locale = intl.locale;
  return {
    money(m: Money | null | undefined): string {
      if (!m) return "";
      const nf = new Intl.NumberFormat(locale, { style: "currency", currency: m.currency });
      return nf.format(m.amount as `${number}`);
    },
    /** A local date "YYYY-MM-DD" (a deadline in the shopper's zone), shown as it is. */
    date(localDate: string | null | undefined): string {
      if (!localDate) return "";
      const d = new Date(`${localDate.slice(0, 10)}T00:00:00Z`);
      return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(d);
    },
    /** The calendar day of an instant. */
    day(iso: string | null | undefined, timeZone?: string | null): string {
      if (!iso) return "";
      return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: timeZone ?? undefined }).format(
        new Date(iso),
      );
    },
    dateTime(iso: string | null | undefined, timeZone?: string | null): string {
      if (!iso) return "";
      return new Intl.DateTimeFormat(locale, {
        dateStyle: "long",
        timeStyle: "medium",
        timeZone: timeZone ?? undefined,
      }).format(new Date(iso));
    },
    percent(n: number): string {
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(n);
    },
  };
}
