import { FormattedMessage, useIntl } from "react-intl";
import type { Minimums } from "./minimums.ts";

/** The marketplace's minimums as a vendor policy's editor shows them: what a save must at least give. */
export function MinimumsNote({ minimums, vendor }: { minimums: Minimums | null; vendor: string }) {
  const intl = useIntl();
  const list = (items: readonly string[]) =>
    intl.formatList(
      items.map((r) => intl.formatMessage({ id: `resolution.${r}` })),
      { type: "conjunction" },
    );
  const percent = (p: number) => intl.formatNumber(p / 100, { style: "percent", maximumFractionDigits: 2 });
  const m = minimums ?? {};
  const rules: [string, string, Record<string, string | number>][] = [];
  if (m.windowDays !== undefined) rules.push(["days", "minimums.days", { days: m.windowDays }]);
  if (m.resolutions?.length) rules.push(["res", "minimums.resolutions", { list: list(m.resolutions) }]);
  if (m.maxRestockingFeePercent !== undefined)
    rules.push(["fee", "minimums.restocking", { percent: percent(m.maxRestockingFeePercent) }]);
  return (
    <section aria-labelledby="minimums-note-title" className="notice minimums-note">
      <h2 id="minimums-note-title">
        <FormattedMessage id="minimums.title" />
      </h2>
      <p>
        <FormattedMessage id="minimums.vendorPolicy" values={{ vendor }} />
      </p>
      {rules.length === 0 ? (
        <p>
          <FormattedMessage id="minimums.none" />
        </p>
      ) : (
        <ul id="minimums-list">
          {rules.map(([key, id, values]) => (
            <li key={key}>
              <FormattedMessage id={id} values={values} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
