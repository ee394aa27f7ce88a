import { FormattedMessage, useIntl } from "react-intl";
import type { QueuedAction } from "./queue.ts";
import type { SyncFailure } from "./useSyncQueue.ts";

/** How many scans wait to be sent, whether the station is offline, and what the server refused. */
export function SyncStatus({
  queue,
  online,
  failures,
  problemText,
  sync,
  dismiss,
}: {
  queue: readonly QueuedAction[];
  online: boolean;
  failures: readonly SyncFailure[];
  problemText(e: unknown): string;
  sync(): void;
  dismiss(): void;
}) {
  const intl = useIntl();
  const pending = queue.length;
  return (
    <div className="sync-status">
      <p
        className={`badge sync-badge${pending > 0 ? " sync-badge--pending" : ""}`}
        role="status"
        data-pending={pending}
      >
        {!online && <FormattedMessage id="receiving.sync.offline" />}{" "}
        {pending > 0 ? (
          <FormattedMessage id="receiving.sync.pending" values={{ count: pending }} />
        ) : (
          <FormattedMessage id="receiving.sync.done" />
        )}
      </p>
      {pending > 0 && (
        <button type="button" className="secondary" onClick={sync}>
          <FormattedMessage id="receiving.sync.now" />
        </button>
      )}
      {failures.length > 0 && (
        <div className="notice notice--bad" role="alert">
          <p>
            <FormattedMessage id="receiving.sync.refused" values={{ count: failures.length }} />
          </p>
          <ul>
            {failures.map((f) => (
              <li key={f.action.key}>
                {f.action.label}: {problemText(f.error)}
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={dismiss}>
            {intl.formatMessage({ id: "receiving.sync.dismiss" })}
          </button>
        </div>
      )}
    </div>
  );
}
