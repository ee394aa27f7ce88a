import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import { useSession } from "../session.tsx";

/** One report of the dashboard: heading, tools, the CSV download, and its chart and table once loaded. */
export function ReportSection(props: {
  id: string;
  title: string;
  /** The report's path and query under the merchant API, without `format`. */
  csv: string;
  csvName: string;
  problem: string | null;
  loaded: boolean;
  tools?: ReactNode;
  children: ReactNode;
}) {
  const { boot } = useSession();
  const url = `${boot.merchantApi}${props.csv}${props.csv.includes("?") ? "&" : "?"}format=csv`;
  return (
    <section className="report" aria-labelledby={`${props.id}-title`}>
      <div className="report-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.tools}
        <a className="csv-link" href={url} download={`${props.csvName}.csv`}>
          <FormattedMessage id="dashboard.csv" values={{ report: props.title }} />
        </a>
      </div>
      {props.problem && (
        <p className="notice notice--bad" role="alert">
          {props.problem}
        </p>
      )}
      {!props.loaded && !props.problem && (
        <p className="muted" role="status">
          <FormattedMessage id="form.loading" />
        </p>
      )}
      {props.loaded && props.children}
    </section>
  );
}
