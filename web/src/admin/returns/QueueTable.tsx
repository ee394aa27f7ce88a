import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../shared/i18n/format.ts";
import { Link } from "../Link.tsx";
import type { ReturnCaseJson } from "./types.ts";

/** The queue's rows: select boxes for bulk actions, the case link, and what an agent sorts by. */
export function QueueTable(props: {
  items: readonly ReturnCaseJson[];
  selected: ReadonlySet<string>;
  active: number;
  toggle(id: string): void;
  toggleAll(): void;
}) {
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string>) => intl.formatMessage({ id }, v);
  const fmt = useFormat();
  const all = props.items.length > 0 && props.items.every((c) => props.selected.has(c.id));
  return (
    <table className="data queue">
      <caption className="visually-hidden">
        <FormattedMessage id="queue.caption" values={{ count: props.items.length }} />
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              checked={all}
              onChange={props.toggleAll}
              aria-label={t("queue.selectAll")}
            />
          </th>
          {["number", "status", "items", "resolution", "refundDeadline", "opened"].map((c) => (
            <th key={c} scope="col">
              <FormattedMessage id={`queue.col.${c}`} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.items.map((c, i) => (
          <tr key={c.id} className={i === props.active ? "active-row" : undefined} data-case={c.id}>
            <td>
              <input
                type="checkbox"
                checked={props.selected.has(c.id)}
                onChange={() => props.toggle(c.id)}
                aria-label={t("queue.select", { number: c.number })}
              />
            </td>
            <td>
              <Link to={`returns/${c.id}`} className="case-link">
                {c.number}
              </Link>
            </td>
            <td>
              <span className={`badge badge--${c.status}`}>{t(`status.${c.status}`)}</span>
            </td>
            <td>{c.lines.map((l) => `${l.quantities.requested ?? 0} × ${l.title}`).join(", ")}</td>
            <td>{t(`resolution.${c.requestedResolution}`)}</td>
            <td>
              {c.refundDeadline ? (
                <span className={`deadline deadline--${c.refundDeadline.status}`}>
                  {t(`deadline.${c.refundDeadline.status}`)} · {fmt.date(c.refundDeadline.dueBy)}
                </span>
              ) : (
                "—"
              )}
            </td>
            <td>{fmt.day(c.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
