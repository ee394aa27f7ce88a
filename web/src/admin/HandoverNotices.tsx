import { useEffect, useState } from "react";
import { FormattedMessage } from "react-intl";
import { useFormat } from "../shared/i18n/format.ts";
import { useSession } from "./session.tsx";

interface Notice {
  readonly id: string;
  readonly kind: string;
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/**
 * Questions the portal's returns assistant handed over before the shopper had a return (those with a
 * return are notes on its case page): the question, the order and when, for an agent to answer.
 */
export function HandoverNotices() {
  const { client } = useSession();
  const fmt = useFormat();
  const [items, setItems] = useState<Notice[] | null>(null);
  useEffect(() => {
    client.merchant<{ items: Notice[] }>("GET", "/notices").then(
      (r) => setItems(r.items.filter((n) => n.kind === "assistant.handover")),
      () => setItems([]),
    );
  }, [client]);
  if (!items) return null;
  return (
    <section aria-labelledby="handovers-title">
      <h2 id="handovers-title">
        <FormattedMessage id="handovers.title" />
      </h2>
      {items.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="handovers.none" />
        </p>
      ) : (
        <ul className="handovers">
          {items.map((n) => (
            <li key={n.id}>
              <p>
                <strong>
                  <FormattedMessage
                    id="handovers.order"
                    values={{ order: String(n.data.orderExternalId ?? "—") }}
                  />
                </strong>{" "}
                <time dateTime={n.createdAt}>{fmt.dateTime(n.createdAt)}</time>
              </p>
              <blockquote className="comment">{n.message}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
