import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../shared/i18n/format.ts";
import type { Explanation as E, WhyNot } from "./types.ts";

const ATTRIBUTES = new Set([
  "personalised",
  "perishable",
  "sealedhygiene",
  "sealedmedia",
  "digital",
  "finalsale",
  "category",
  "sku",
]);

function attribute(raw: unknown): string {
  const key = String(raw).replaceAll("_", "").toLowerCase();
  return `attr.${ATTRIBUTES.has(key) ? key : "other"}`;
}

/** Why an item can come back (the law or policy and its last day), or why not, in plain words. */
export function Explanation({ e, country }: { e: E; country: string }) {
  const f = useFormat();
  const intl = useIntl();
  if (e.basis) {
    const b = e.basis;
    return (
      <p className="notice notice--ok">
        <FormattedMessage
          id={`basis.${b.track}${b.returnBy ? "" : ".open"}`}
          values={{ date: f.date(b.returnBy), citation: b.citation }}
        />
        {b.latestReturnBy && b.latestReturnBy !== b.returnBy && (
          <>
            {" "}
            <FormattedMessage id="items.returnBy" values={{ date: f.date(b.latestReturnBy) }} />
          </>
        )}
      </p>
    );
  }
  const region = new Intl.DisplayNames([intl.locale], { type: "region" });
  const why = (w: WhyNot, i: number) => (
    <li key={i}>
      <FormattedMessage
        id={`why.${w.code}`}
        values={{
          date: f.date(String(w.date ?? "")),
          citation: String(w.citation ?? ""),
          attribute: w.attribute ? intl.formatMessage({ id: attribute(w.attribute) }) : "",
          country: region.of(country) ?? country,
          message: String(w.message ?? ""),
        }}
      />
    </li>
  );
  return (
    <div className="notice notice--bad">
      <p>
        <strong>
          <FormattedMessage id="items.notReturnable" />
        </strong>
      </p>
      <ul>{e.whyNot.map(why)}</ul>
    </div>
  );
}
