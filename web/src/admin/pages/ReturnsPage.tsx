import { useMemo, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { AdminLayout } from "../AdminLayout.tsx";
import { BulkBar } from "../returns/BulkBar.tsx";
import { QueueFilters } from "../returns/QueueFilters.tsx";
import { QueueTable } from "../returns/QueueTable.tsx";
import { filterFromSearch } from "../returns/queue-filter.ts";
import { SavedViews } from "../returns/SavedViews.tsx";
import { useQueue } from "../returns/useQueue.ts";
import { useQueueKeys } from "../returns/useQueueKeys.ts";
import { useLocation } from "../router.ts";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

/**
 * The returns queue: filters, saved views, cursor paging, bulk approve/reject, keyboard shortcuts.
 * A vendor account sees "your cases": the server holds the list to its vendor.
 */
export default function ReturnsPage() {
  const intl = useIntl();
  const { client, me } = useSession();
  const problemText = useProblemText();
  const loc = useLocation();
  const filter = useMemo(() => filterFromSearch(loc.search), [loc.search]);
  const [problem, setProblem] = useState<string | null>(null);
  const queue = useQueue(client, filter, (e) => setProblem(problemText(e)));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState(queue.items);
  if (shown !== queue.items) {
    // A new list (filter, reload after a bulk action): nothing stays selected.
    setShown(queue.items);
    setSelected(new Set());
  }
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const active = useQueueKeys(queue.items, toggle);
  if (!me) return null;
  const vendor = me.account.role === "vendor" ? (me.account.vendor ?? "") : null;
  const title = intl.formatMessage({ id: vendor === null ? "queue.title" : "queue.vendorTitle" });
  return (
    <AdminLayout title={title} current="returns">
      <h1>{title}</h1>
      {vendor !== null && <FormattedMessage id="queue.vendorOnly" values={{ vendor }} tagName="p" />}
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      <QueueFilters filter={filter} byVendor={vendor === null} />
      <details className="shortcuts">
        <summary>
          <FormattedMessage id="queue.shortcuts" />
        </summary>
        <FormattedMessage id="queue.shortcuts.help" tagName="p" />
      </details>
      <BulkBar selected={queue.items.filter((c) => selected.has(c.id))} done={() => void queue.reload()} />
      {queue.loading ? (
        <p className="muted" role="status">
          <FormattedMessage id="form.loading" />
        </p>
      ) : queue.items.length === 0 ? (
        <p role="status">
          <FormattedMessage id="queue.empty" />
        </p>
      ) : (
        <QueueTable
          items={queue.items}
          selected={selected}
          active={active}
          toggle={toggle}
          toggleAll={() =>
            setSelected((s) =>
              queue.items.every((c) => s.has(c.id)) ? new Set() : new Set(queue.items.map((c) => c.id)),
            )
          }
        />
      )}
      {queue.hasMore && (
        <button type="button" onClick={() => void queue.loadMore()}>
          <FormattedMessage id="queue.more" />
        </button>
      )}
      <SavedViews accountId={me.account.id} filter={filter} />
    </AdminLayout>
  );
}
