import { FormattedMessage, useIntl } from "react-intl";
import type { ReceivingCase } from "./types.ts";

/** A scan that names several returns (an order with more than one): the user picks the parcel's. */
export function ChooseCase({
  cases,
  open,
}: {
  cases: readonly ReceivingCase[];
  open(c: ReceivingCase): void;
}) {
  const intl = useIntl();
  return (
    <ul className="plain choose">
      {cases.map((c) => (
        <li key={c.id}>
          <button type="button" className="big" onClick={() => open(c)}>
            <FormattedMessage
              id="receiving.choose.case"
              values={{ number: c.number, status: intl.formatMessage({ id: `status.${c.status}` }) }}
            />
          </button>
        </li>
      ))}
    </ul>
  );
}
