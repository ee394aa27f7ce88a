import { type FormEvent, useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import { Link } from "../Link.tsx";
import { MinimumsNote } from "../policies/MinimumsNote.tsx";
import { MinimumsPanel } from "../policies/MinimumsPanel.tsx";
import type { Minimums } from "../policies/minimums.ts";
import { policyAccess } from "../policies/policy-access.ts";
import { href, navigate } from "../router.ts";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

interface PolicySummary {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly active: boolean;
  readonly scope: { readonly countries: readonly string[]; readonly vendors?: readonly string[] };
  readonly warnings: readonly unknown[];
}

/**
 * The merchant's return policies, each with its statutory warnings and vendor, and the marketplace's
 * minimums for vendor policies; a new one starts here. A vendor account sees its own vendor's only
 * (the server lists no other), with the minimums it must meet.
 */
export default function PoliciesPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { client, can, me } = useSession();
  const { vendor } = policyAccess(me);
  const problemText = useProblemText();
  const [items, setItems] = useState<readonly PolicySummary[] | null>(null);
  const [minimums, setMinimums] = useState<Minimums | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [id, setId] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client
      .merchant<{ items: PolicySummary[]; marketplaceMinimums: Minimums | null }>("GET", "/policies")
      .then(
        (r) => {
          setItems(r.items);
          setMinimums(r.marketplaceMinimums);
        },
        (e) => setProblem(problemText(e)),
      );
  }, [client, problemText]);
  function create(ev: FormEvent) {
    ev.preventDefault();
    const v = id.trim();
    if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(v)) {
      setError(t("policies.id.invalid"));
      return;
    }
    navigate(href(`policies/${v}`));
  }
  const title = t(vendor ? "policies.mine.title" : "policies.title");
  const columns = ["name", "countries", ...(vendor ? [] : ["vendor"]), "version", "active", "warnings"];
  return (
    <AdminLayout title={title} current="policies">
      <h1>{title}</h1>
      {vendor && items && <MinimumsNote minimums={minimums} vendor={vendor} />}
      {vendor && items?.length === 0 && (
        <p>
          <FormattedMessage id="policies.mine.none" />
        </p>
      )}
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      {items && items.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  <FormattedMessage id={`policies.col.${c}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`policies/${p.id}`}>{p.name}</Link> <code>{p.id}</code>
                </td>
                <td>{p.scope.countries.join(", ")}</td>
                {!vendor && (
                  <td>{p.scope.vendors?.length ? p.scope.vendors.join(", ") : t("policies.vendor.none")}</td>
                )}
                <td>{p.version}</td>
                <td>{t(p.active ? "yes" : "no")}</td>
                <td>{p.warnings.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>
        <FormattedMessage id="policies.new" />
      </h2>
      <ErrorSummary errors={error ? [{ id: "new-policy-id", message: error }] : []} />
      <form className="inline-form" onSubmit={create} noValidate>
        <Field id="new-policy-id" label={t("policies.id")} hint={t("policies.id.hint")} error={error}>
          {(f) => (
            <input
              id={f.id}
              value={id}
              maxLength={63}
              onChange={(ev) => setId(ev.target.value)}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          <FormattedMessage id="policies.new.submit" />
        </button>
      </form>
      {!vendor && can("settings") && <MinimumsPanel />}
    </AdminLayout>
  );
}
