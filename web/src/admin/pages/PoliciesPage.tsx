import { type FormEvent, useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import { Link } from "../Link.tsx";
import { href, navigate } from "../router.ts";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

interface PolicySummary {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly active: boolean;
  readonly scope: { readonly countries: readonly string[] };
  readonly warnings: readonly unknown[];
}

/** The merchant's return policies, each with its statutory warnings; a new one starts here. */
export default function PoliciesPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { client } = useSession();
  const problemText = useProblemText();
  const [items, setItems] = useState<readonly PolicySummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [id, setId] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client.merchant<{ items: PolicySummary[] }>("GET", "/policies").then(
      (r) => setItems(r.items),
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
  const title = t("policies.title");
  return (
    <AdminLayout title={title} current="policies">
      <h1>{title}</h1>
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      {items && (
        <table className="data">
          <thead>
            <tr>
              {["name", "countries", "version", "active", "warnings"].map((c) => (
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
    </AdminLayout>
  );
}
