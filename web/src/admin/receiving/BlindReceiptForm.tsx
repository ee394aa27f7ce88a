import { FormattedMessage, useIntl } from "react-intl";
import type { ParkedItem } from "./types.ts";

/**
 * A parcel no return was found for: each scan adds its item here (or one more of it); describe what
 * cannot be scanned, add a note, and park it. The number it gets goes on the parcel.
 */
export function BlindReceiptForm(props: {
  scannedCode: string | null;
  items: readonly ParkedItem[];
  note: string;
  setItems(items: ParkedItem[]): void;
  setNote(note: string): void;
  park(): void;
  cancel(): void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { items } = props;
  const change = (i: number, patch: Partial<ParkedItem>) =>
    props.setItems(items.map((x, j) => (j === i ? { ...x, ...patch } : x)).filter((x) => x.quantity > 0));
  return (
    <section aria-labelledby="blind-title" className="blind-form">
      <h2 id="blind-title">
        <FormattedMessage id="receiving.blind.title" />
      </h2>
      <p>
        {props.scannedCode ? (
          <FormattedMessage id="receiving.blind.introCode" values={{ code: props.scannedCode }} />
        ) : (
          <FormattedMessage id="receiving.blind.intro" />
        )}
      </p>
      {items.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="receiving.blind.empty" />
        </p>
      ) : (
        <table className="data">
          <caption>{t("receiving.blind.items")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("receiving.blind.code")}</th>
              <th scope="col">{t("receiving.blind.quantity")}</th>
              <th scope="col">{t("receiving.blind.description")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x, i) => (
              <tr key={x.code}>
                <th scope="row">{x.code}</th>
                <td>
                  <div className="stepper">
                    <button
                      type="button"
                      aria-label={intl.formatMessage({ id: "receiving.blind.less" }, { code: x.code })}
                      onClick={() => change(i, { quantity: x.quantity - 1 })}
                    >
                      −
                    </button>
                    <output aria-live="polite">{x.quantity}</output>
                    <button
                      type="button"
                      aria-label={intl.formatMessage({ id: "receiving.blind.more" }, { code: x.code })}
                      onClick={() => change(i, { quantity: x.quantity + 1 })}
                    >
                      +
                    </button>
                  </div>
                </td>
                <td>
                  <input
                    aria-label={intl.formatMessage({ id: "receiving.blind.describe" }, { code: x.code })}
                    value={x.description ?? ""}
                    maxLength={500}
                    onChange={(e) => change(i, { description: e.target.value || null })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="field">
        <label htmlFor="blind-note">{t("receiving.blind.note")}</label>
        <textarea
          id="blind-note"
          value={props.note}
          maxLength={2000}
          rows={2}
          onChange={(e) => props.setNote(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="button" className="primary big" disabled={items.length === 0} onClick={props.park}>
          <FormattedMessage id="receiving.blind.park" />
        </button>
        <button type="button" className="secondary big" onClick={props.cancel}>
          <FormattedMessage id="receiving.blind.cancel" />
        </button>
      </div>
    </section>
  );
}
