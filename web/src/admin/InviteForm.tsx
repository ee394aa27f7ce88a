import { type FormEvent, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorSummary } from "../shared/ui/ErrorSummary.tsx";
import { Field } from "../shared/ui/Field.tsx";
import type { Invitation, Role } from "./api.ts";
import { useSession } from "./session.tsx";
import { errorsFor, useProblemText } from "./useForm.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invite someone: e-mail, role (and the vendor for a vendor account); the link is shown once too. */
export function InviteForm({ roles, onSent }: { roles: readonly Role[]; onSent: () => void }) {
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string>) => intl.formatMessage({ id }, v);
  const { client } = useSession();
  const problemText = useProblemText();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("agent") ? "agent" : (roles[0] ?? "agent"));
  const [vendor, setVendor] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<Invitation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!EMAIL.test(email.trim())) e["invite-email"] = t("team.invite.email.invalid");
    if (role === "vendor" && !vendor.trim()) e["invite-vendor"] = t("team.invite.vendor.missing");
    setErrors(e);
    setProblem(null);
    if (Object.keys(e).length) return;
    try {
      const body = { email: email.trim(), role, vendor: role === "vendor" ? vendor.trim() : null };
      setSent(await client.admin<Invitation>("POST", "/invitations", body));
      setEmail("");
      setVendor("");
      onSent();
    } catch (err) {
      const f = errorsFor(err, { email: "invite-email", vendor: "invite-vendor", role: "invite-role" });
      setErrors(f);
      if (!Object.keys(f).length) setProblem(problemText(err));
    }
  }
  if (roles.length === 0) return null;
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">
        <FormattedMessage id="team.invite" />
      </h2>
      <ErrorSummary errors={Object.entries(errors).map(([id, message]) => ({ id, message }))} />
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      {sent?.link && (
        <div className="notice notice--ok" role="status">
          <p>
            <FormattedMessage id="team.invite.sent" values={{ email: sent.email }} />
          </p>
          <p className="secret" id="invite-link">
            {sent.link}
          </p>
        </div>
      )}
      <form className="inline-form" onSubmit={(ev) => void submit(ev)} noValidate>
        <Field id="invite-email" label={t("team.email")} error={errors["invite-email"]}>
          {(f) => (
            <input
              id={f.id}
              type="email"
              value={email}
              onChange={(ev) => setEmail(ev.target.value)}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
            />
          )}
        </Field>
        <Field id="invite-role" label={t("team.role")} error={errors["invite-role"]}>
          {(f) => (
            <select id={f.id} value={role} onChange={(ev) => setRole(ev.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role === "vendor" && (
          <Field id="invite-vendor" label={t("team.vendor")} error={errors["invite-vendor"]}>
            {(f) => (
              <input
                id={f.id}
                value={vendor}
                onChange={(ev) => setVendor(ev.target.value)}
                aria-describedby={f.describedBy}
                aria-invalid={f.invalid}
              />
            )}
          </Field>
        )}
        <button type="submit" className="primary">
          <FormattedMessage id="team.invite.submit" />
        </button>
      </form>
    </section>
  );
}
