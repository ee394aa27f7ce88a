import { type FormEvent, useCallback, useEffect, useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import type { ApiKey } from "../api.ts";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

/** The merchant's API keys: create (the secret is shown once), see, revoke. Owners only. */
export default function ApiKeysPage() {
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string>) => intl.formatMessage({ id }, v);
  const { client } = useSession();
  const problemText = useProblemText();
  const [keys, setKeys] = useState<readonly ApiKey[]>([]);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<ApiKey | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(
    () =>
      client.admin<{ data: ApiKey[] }>("GET", "/api-keys").then(
        (r) => setKeys(r.data),
        (e) => setProblem(problemText(e)),
      ),
    [client, problemText],
  );
  useEffect(() => {
    void load();
  }, [load]);

  async function create(ev: FormEvent) {
    ev.preventDefault();
    setErrors(name.trim() ? {} : { "key-name": t("keys.name.missing") });
    if (!name.trim()) return;
    try {
      setCreated(await client.admin<ApiKey>("POST", "/api-keys", { name: name.trim() }));
      setName("");
      await load();
    } catch (e) {
      setProblem(problemText(e));
    }
  }
  async function revoke(k: ApiKey) {
    try {
      await client.admin("DELETE", `/api-keys/${k.id}`);
      await load();
    } catch (e) {
      setProblem(problemText(e));
    }
  }

  const title = t("keys.title");
  return (
    <AdminLayout title={title} current="api-keys">
      <h1>{title}</h1>
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      {created?.key && (
        <div className="notice notice--ok" role="status">
          <p>
            <FormattedMessage id="keys.createdOnce" values={{ name: created.name }} />
          </p>
          <p className="secret" id="new-key">
            {created.key}
          </p>
        </div>
      )}
      <h2>
        <FormattedMessage id="keys.create" />
      </h2>
      <ErrorSummary errors={Object.entries(errors).map(([id, message]) => ({ id, message }))} />
      <form className="inline-form" onSubmit={(ev) => void create(ev)} noValidate>
        <Field id="key-name" label={t("keys.name")} error={errors["key-name"]}>
          {(f) => (
            <input
              id={f.id}
              value={name}
              onChange={(ev) => setName(ev.target.value)}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          <FormattedMessage id="keys.create.submit" />
        </button>
      </form>
      <h2>
        <FormattedMessage id="keys.list" />
      </h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="keys.name" />
            </th>
            <th scope="col">
              <FormattedMessage id="keys.prefix" />
            </th>
            <th scope="col">
              <FormattedMessage id="keys.created" />
            </th>
            <th scope="col">
              <FormattedMessage id="keys.status" />
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>
                <FormattedDate value={k.createdAt} dateStyle="medium" />
              </td>
              <td>
                {k.revokedAt ? (
                  <FormattedMessage id="keys.revoked" />
                ) : (
                  <button type="button" className="danger" onClick={() => void revoke(k)}>
                    <FormattedMessage id="keys.revoke" values={{ name: k.name }} />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
