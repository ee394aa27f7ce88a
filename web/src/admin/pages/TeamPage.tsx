import { useCallback, useEffect, useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { AdminLayout } from "../AdminLayout.tsx";
import type { Account, Invitation, Role } from "../api.ts";
import { InviteForm } from "../InviteForm.tsx";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

const ASSIGNABLE: Readonly<Record<Role, readonly Role[]>> = {
  owner: ["owner", "manager", "agent", "warehouse", "vendor"],
  manager: ["agent", "warehouse", "vendor"],
  agent: [],
  warehouse: [],
  vendor: [],
};

/** The team: accounts with their roles, invitations by e-mail link. */
export default function TeamPage() {
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string>) => intl.formatMessage({ id }, v);
  const { me, client } = useSession();
  const problemText = useProblemText();
  const [accounts, setAccounts] = useState<readonly Account[]>([]);
  const [invitations, setInvitations] = useState<readonly Invitation[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setAccounts((await client.admin<{ data: Account[] }>("GET", "/accounts")).data);
      setInvitations((await client.admin<{ data: Invitation[] }>("GET", "/invitations")).data);
    } catch (e) {
      setProblem(problemText(e));
    }
  }, [client, problemText]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!me) return null;
  const assignable = ASSIGNABLE[me.account.role];

  async function patch(a: Account, body: Record<string, unknown>) {
    setProblem(null);
    try {
      await client.admin("PATCH", `/accounts/${a.id}`, body);
      setStatus(t("team.saved", { name: a.name }));
      await load();
    } catch (e) {
      setProblem(problemText(e));
    }
  }
  async function withdraw(i: Invitation) {
    try {
      await client.admin("DELETE", `/invitations/${i.id}`);
      await load();
    } catch (e) {
      setProblem(problemText(e));
    }
  }

  const title = t("team.title");
  return (
    <AdminLayout title={title} current="team">
      <h1>{title}</h1>
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <table className="data">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("team.name")}</th>
            <th scope="col">{t("team.email")}</th>
            <th scope="col">{t("team.role")}</th>
            <th scope="col">{t("team.totp")}</th>
            <th scope="col">{t("team.status")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => {
            const editable = a.id !== me.account.id && assignable.includes(a.role);
            return (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{a.email}</td>
                <td>
                  {editable ? (
                    <select
                      aria-label={t("team.roleOf", { name: a.name })}
                      value={a.role}
                      disabled={a.role === "vendor"}
                      onChange={(ev) => void patch(a, { role: ev.target.value })}
                    >
                      {assignable
                        .filter((r) => r !== "vendor" || a.role === "vendor")
                        .map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                    </select>
                  ) : (
                    t(`role.${a.role}`)
                  )}
                  {a.vendor && <span className="muted"> · {a.vendor}</span>}
                </td>
                <td>{t(a.totpEnabled ? "team.totp.on" : "team.totp.off")}</td>
                <td>
                  {t(a.disabled ? "team.disabled" : "team.active")}{" "}
                  {editable && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void patch(a, { disabled: !a.disabled })}
                    >
                      {t(a.disabled ? "team.enable" : "team.disable", { name: a.name })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <InviteForm roles={assignable} onSent={() => void load()} />
      <h2>
        <FormattedMessage id="team.invitations" />
      </h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("team.email")}</th>
            <th scope="col">{t("team.role")}</th>
            <th scope="col">{t("team.expires")}</th>
            <th scope="col">{t("team.status")}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <td>{i.email}</td>
              <td>
                {t(`role.${i.role}`)}
                {i.vendor && <span className="muted"> · {i.vendor}</span>}
              </td>
              <td>
                <FormattedDate value={i.expiresAt} dateStyle="medium" />
              </td>
              <td>
                {t(`invitation.${i.status}`)}{" "}
                {i.status === "open" && (
                  <button type="button" className="secondary" onClick={() => void withdraw(i)}>
                    {t("team.withdraw", { email: i.email })}
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
