import { type FormEvent, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Field } from "../../shared/ui/Field.tsx";
import { Link } from "../Link.tsx";
import { type Filter, loadViews, type SavedView, storeViews } from "./queue-filter.ts";

/** Named filters an agent comes back to ("Overdue in Germany"), kept in this browser per account. */
export function SavedViews({ accountId, filter }: { accountId: string; filter: Filter }) {
  const intl = useIntl();
  const [views, setViews] = useState<SavedView[]>(() => loadViews(accountId));
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  function save(ev: FormEvent) {
    ev.preventDefault();
    const n = name.trim();
    if (!n) {
      setError(intl.formatMessage({ id: "views.name.missing" }));
      return;
    }
    const next = [...views.filter((v) => v.name !== n), { name: n, filter }];
    storeViews(accountId, next);
    setViews(next);
    setName("");
    setError(null);
  }
  function remove(n: string) {
    const next = views.filter((v) => v.name !== n);
    storeViews(accountId, next);
    setViews(next);
  }
  return (
    <section aria-labelledby="views-title" className="saved-views">
      <h2 id="views-title">
        <FormattedMessage id="views.title" />
      </h2>
      {views.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="views.none" />
        </p>
      ) : (
        <ul className="view-list">
          {views.map((v) => (
            <li key={v.name}>
              <Link to="returns" query={{ ...v.filter }}>
                {v.name}
              </Link>{" "}
              <button type="button" className="link-button" onClick={() => remove(v.name)}>
                <FormattedMessage id="views.delete" values={{ name: v.name }} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={save} noValidate>
        <Field id="view-name" label={intl.formatMessage({ id: "views.name" })} error={error}>
          {(f) => (
            <input
              id={f.id}
              value={name}
              maxLength={60}
              onChange={(ev) => setName(ev.target.value)}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
            />
          )}
        </Field>
        <button type="submit">
          <FormattedMessage id="views.save" />
        </button>
      </form>
    </section>
  );
}
