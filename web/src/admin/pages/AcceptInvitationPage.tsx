import { type FormEvent, useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { request } from "../../shared/api.ts";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import type { Me, Role } from "../api.ts";
import { href, navigate } from "../router.ts";
import { useSession } from "../session.tsx";
import { errorsFor, useProblemText } from "../useForm.ts";

interface Invited {
  readonly email: string;
  readonly role: Role;
  readonly vendor: string | null;
  readonly merchant: string;
}

/** The page an invitation e-mail links to: choose a name and a password, and you are in. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string>) => intl.formatMessage({ id }, v);
  const { boot, setMe } = useSession();
  const problemText = useProblemText();
  const [invited, setInvited] = useState<Invited | null | undefined>(undefined);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    request<Invited>("GET", `${boot.api}/invitations/by-token/${encodeURIComponent(token)}`).then(
      setInvited,
      () => setInvited(null),
    );
  }, [boot.api, token]);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!name.trim()) e["invite-name"] = t("invite.name.missing");
    if (password.length < 12) e["invite-password"] = t("invite.password.short");
    else if (password !== repeat) e["invite-repeat"] = t("invite.repeat.different");
    setErrors(e);
    setProblem(null);
    if (Object.keys(e).length) return;
    try {
      const me = await request<Me>("POST", `${boot.api}/invitations/accept`, {
        token,
        name: name.trim(),
        password,
      });
      setMe(me);
      navigate(href(""), { replace: true });
    } catch (err) {
      const fields = errorsFor(err, { name: "invite-name", password: "invite-password" });
      setErrors(fields);
      if (!Object.keys(fields).length) setProblem(problemText(err));
    }
  }

  const title = t("invite.title");
  if (invited === undefined)
    return (
      <AdminLayout title={title}>
        <p role="status">
          <FormattedMessage id="form.loading" />
        </p>
      </AdminLayout>
    );
  if (invited === null)
    return (
      <AdminLayout title={title}>
        <h1>{title}</h1>
        <p className="notice notice--bad">
          <FormattedMessage id="invite.gone" />
        </p>
      </AdminLayout>
    );
  const summary = Object.entries(errors).map(([id, message]) => ({ id, message }));
  return (
    <AdminLayout title={title}>
      <div className="narrow">
        <h1>{title}</h1>
        <p>
          <FormattedMessage
            id="invite.intro"
            values={{ merchant: invited.merchant, role: t(`role.${invited.role}`), email: invited.email }}
          />
        </p>
        <ErrorSummary errors={summary} />
        {problem && (
          <p className="notice notice--bad" role="alert">
            {problem}
          </p>
        )}
        <form onSubmit={(ev) => void submit(ev)} noValidate>
          <input type="hidden" autoComplete="username" value={invited.email} readOnly />
          <Field id="invite-name" label={t("invite.name")} error={errors["invite-name"]}>
            {(f) => (
              <input
                id={f.id}
                autoComplete="name"
                value={name}
                onChange={(ev) => setName(ev.target.value)}
                aria-describedby={f.describedBy}
                aria-invalid={f.invalid}
              />
            )}
          </Field>
          <Field
            id="invite-password"
            label={t("invite.password")}
            hint={t("invite.password.hint")}
            error={errors["invite-password"]}
          >
            {(f) => (
              <input
                id={f.id}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(ev) => setPassword(ev.target.value)}
                aria-describedby={f.describedBy}
                aria-invalid={f.invalid}
              />
            )}
          </Field>
          <Field id="invite-repeat" label={t("invite.repeat")} error={errors["invite-repeat"]}>
            {(f) => (
              <input
                id={f.id}
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(ev) => setRepeat(ev.target.value)}
                aria-describedby={f.describedBy}
                aria-invalid={f.invalid}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="primary">
              <FormattedMessage id="invite.submit" />
            </button>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}
