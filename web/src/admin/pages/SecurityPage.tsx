import { type FormEvent, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import { useSession } from "../session.tsx";
import { errorsFor, useProblemText } from "../useForm.ts";

interface Enrolment {
  readonly secret: string;
  readonly uri: string;
  readonly qr: string | null;
}

/** One's own sign-in security: two-step sign-in (TOTP) on or off, and the password. */
export default function SecurityPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { me, client, setMe } = useSession();
  const problemText = useProblemText();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState("");
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!me) return null;
  const on = me.account.totpEnabled;

  const fail = (e: unknown, ids: Record<string, string>) => {
    const f = errorsFor(e, ids);
    setErrors(f);
    if (!Object.keys(f).length) setMessage({ ok: false, text: problemText(e) });
  };
  async function begin() {
    setMessage(null);
    try {
      setEnrolment(await client.admin<Enrolment>("POST", "/me/totp"));
    } catch (e) {
      fail(e, {});
    }
  }
  async function confirm(ev: FormEvent) {
    ev.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setErrors({ "totp-code": t("signIn.code.invalid") });
    try {
      await client.admin("POST", on ? "/me/totp/disable" : "/me/totp/confirm", { code: code.trim() });
      if (me) setMe({ ...me, account: { ...me.account, totpEnabled: !on } });
      setEnrolment(null);
      setCode("");
      setErrors({});
      setMessage({ ok: true, text: t(on ? "security.totp.off" : "security.totp.on") });
    } catch (e) {
      fail(e, { code: "totp-code" });
    }
  }
  async function changePassword(ev: FormEvent) {
    ev.preventDefault();
    try {
      await client.admin("POST", "/me/password", { current, password });
      setCurrent("");
      setPassword("");
      setErrors({});
      setMessage({ ok: true, text: t("security.password.changed") });
    } catch (e) {
      fail(e, { current: "pw-current", password: "pw-new" });
    }
  }

  const codeField = (
    <Field id="totp-code" label={t("signIn.code")} error={errors["totp-code"]}>
      {(f) => (
        <input
          id={f.id}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(ev) => setCode(ev.target.value)}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid}
        />
      )}
    </Field>
  );
  const title = t("security.title");
  return (
    <AdminLayout title={title} current="security">
      <h1>{title}</h1>
      {message && (
        <p
          className={`notice ${message.ok ? "notice--ok" : "notice--bad"}`}
          role={message.ok ? "status" : "alert"}
        >
          {message.text}
        </p>
      )}
      <ErrorSummary errors={Object.entries(errors).map(([id, m]) => ({ id, message: m }))} />
      <section className="card" aria-labelledby="totp-title">
        <h2 id="totp-title">
          <FormattedMessage id="security.totp.title" />
        </h2>
        <p>
          <FormattedMessage id={on ? "security.totp.isOn" : "security.totp.isOff"} />
        </p>
        {!on && !enrolment && (
          <button type="button" className="primary" onClick={() => void begin()}>
            <FormattedMessage id="security.totp.begin" />
          </button>
        )}
        {enrolment && (
          <>
            <p>
              <FormattedMessage id="security.totp.scan" />
            </p>
            {enrolment.qr && <img src={enrolment.qr} alt={t("security.totp.qr")} width={200} height={200} />}
            <p>
              <FormattedMessage id="security.totp.secret" />
            </p>
            <p className="secret" id="totp-secret">
              {enrolment.secret}
            </p>
          </>
        )}
        {(on || enrolment) && (
          <form onSubmit={(ev) => void confirm(ev)} noValidate>
            {codeField}
            <button type="submit" className={on ? "danger" : "primary"}>
              <FormattedMessage id={on ? "security.totp.disable" : "security.totp.confirm"} />
            </button>
          </form>
        )}
      </section>
      <section className="card" aria-labelledby="pw-title">
        <h2 id="pw-title">
          <FormattedMessage id="security.password.title" />
        </h2>
        <form onSubmit={(ev) => void changePassword(ev)} noValidate>
          <input type="hidden" autoComplete="username" value={me.account.email} readOnly />
          <Field id="pw-current" label={t("security.password.current")} error={errors["pw-current"]}>
            {(f) => (
              <input
                id={f.id}
                type="password"
                autoComplete="current-password"
                value={current}
                onChange={(ev) => setCurrent(ev.target.value)}
                aria-describedby={f.describedBy}
                aria-invalid={f.invalid}
              />
            )}
          </Field>
          <Field
            id="pw-new"
            label={t("security.password.new")}
            hint={t("invite.password.hint")}
            error={errors["pw-new"]}
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
          <button type="submit" className="primary">
            <FormattedMessage id="security.password.submit" />
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
