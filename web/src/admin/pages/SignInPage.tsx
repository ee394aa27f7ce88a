import { type FormEvent, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

/** Sign-in: e-mail and password, then the authenticator's code when two-step sign-in is on. */
export function SignInPage() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { client, setMe, setCsrf } = useSession();
  const problemText = useProblemText();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"password" | "code">("password");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (step === "password") {
      if (!email.trim()) e["sign-in-email"] = t("signIn.email.missing");
      if (!password) e["sign-in-password"] = t("signIn.password.missing");
    } else if (!/^\d{6}$/.test(code.trim())) e["sign-in-code"] = t("signIn.code.invalid");
    setErrors(e);
    setProblem(null);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      if (step === "password") {
        const me = await client.signIn(email.trim(), password);
        if (me.totpRequired) {
          // The pending session's CSRF token protects the code step.
          setCsrf(me.csrfToken);
          setStep("code");
        } else setMe(me);
      } else setMe(await client.sendCode(code.trim()));
    } catch (err) {
      setProblem(problemText(err));
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  const summary = Object.entries(errors).map(([id, message]) => ({ id, message }));
  return (
    <AdminLayout title={t("signIn.title")}>
      <div className="narrow">
        <h1>
          <FormattedMessage id="signIn.title" />
        </h1>
        <ErrorSummary errors={summary} />
        {problem && (
          <p className="notice notice--bad" role="alert">
            {problem}
          </p>
        )}
        <form onSubmit={(ev) => void submit(ev)} noValidate>
          {step === "password" ? (
            <>
              <Field id="sign-in-email" label={t("signIn.email")} error={errors["sign-in-email"]}>
                {(f) => (
                  <input
                    id={f.id}
                    type="email"
                    autoComplete="username"
                    value={email}
                    onChange={(ev) => setEmail(ev.target.value)}
                    aria-describedby={f.describedBy}
                    aria-invalid={f.invalid}
                  />
                )}
              </Field>
              <Field id="sign-in-password" label={t("signIn.password")} error={errors["sign-in-password"]}>
                {(f) => (
                  <input
                    id={f.id}
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(ev) => setPassword(ev.target.value)}
                    aria-describedby={f.describedBy}
                    aria-invalid={f.invalid}
                  />
                )}
              </Field>
            </>
          ) : (
            <Field
              id="sign-in-code"
              label={t("signIn.code")}
              hint={t("signIn.code.hint")}
              error={errors["sign-in-code"]}
            >
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
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              <FormattedMessage id={step === "password" ? "signIn.submit" : "signIn.code.submit"} />
            </button>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}
