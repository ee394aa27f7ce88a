import { type FormEvent, useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { fieldErrors } from "../../shared/api.ts";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { RESOLUTIONS } from "../returns/types.ts";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";
import { type Minimums, type MinimumsForm, minimumsForm, minimumsOf } from "./minimums.ts";

type Settings = { readonly marketplaceMinimums?: Minimums } & Record<string, unknown>;

const IDS: readonly [string, string][] = [
  ["marketplaceMinimums.windowDays", "min-days"],
  ["marketplaceMinimums.resolutions", "min-resolutions"],
  ["marketplaceMinimums.maxRestockingFeePercent", "min-restocking"],
];

/** The problem's field errors under the form's ids ("marketplaceMinimums.resolutions.0" → min-resolutions). */
function minimumsErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(e))) {
    const id = IDS.find(([p]) => path === p || path.startsWith(`${p}.`))?.[1] ?? "min-days";
    out[id] = out[id] ? `${out[id]}; ${message}` : message;
  }
  return out;
}

/**
 * The marketplace's minimums for its vendors' own policies, set by managers and owners: PUT /settings
 * replaces the settings, so the others are sent back as they were read.
 */
export function MinimumsPanel() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { client } = useSession();
  const problemText = useProblemText();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [form, setForm] = useState<MinimumsForm>(minimumsForm(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    client.merchant<Settings>("GET", "/settings").then(
      ({ settlementCurrency: _, ...s }) => {
        setSettings(s);
        setForm(minimumsForm(s.marketplaceMinimums));
      },
      (e) => setNotice({ ok: false, text: problemText(e) }),
    );
  }, [client, problemText]);
  async function save(ev: FormEvent) {
    ev.preventDefault();
    if (!settings) return;
    const marketplaceMinimums = minimumsOf(form);
    try {
      const { settlementCurrency: _, ...saved } = await client.merchant<Settings>("PUT", "/settings", {
        ...settings,
        marketplaceMinimums,
      });
      setSettings(saved);
      setErrors({});
      setNotice({ ok: true, text: t("minimums.form.saved") });
    } catch (e) {
      setErrors(minimumsErrors(e));
      setNotice({ ok: false, text: problemText(e) });
    }
  }
  const field = (id: string, key: "days" | "restocking", label: string, hint: string) => (
    <Field id={id} label={t(label)} hint={t(hint)} error={errors[id]}>
      {(f) => (
        <input
          id={f.id}
          value={form[key]}
          inputMode="decimal"
          size={6}
          onChange={(ev) => setForm({ ...form, [key]: ev.target.value })}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid}
        />
      )}
    </Field>
  );
  return (
    <section aria-labelledby="minimums-title">
      <h2 id="minimums-title">
        <FormattedMessage id="minimums.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="minimums.form.intro" />
      </p>
      {notice && (
        <p
          className={`notice ${notice.ok ? "notice--ok" : "notice--bad"}`}
          role={notice.ok ? "status" : "alert"}
        >
          {notice.text}
        </p>
      )}
      {settings && (
        <form onSubmit={(ev) => void save(ev)} noValidate>
          <ErrorSummary errors={Object.entries(errors).map(([id, message]) => ({ id, message }))} />
          <div className="inline-form">
            {field("min-days", "days", "minimums.form.days", "minimums.form.empty")}
            {field(
              "min-restocking",
              "restocking",
              "minimums.form.restocking",
              "minimums.form.restocking.hint",
            )}
          </div>
          <fieldset className={errors["min-resolutions"] ? "field--error" : undefined}>
            <legend id="min-resolutions" tabIndex={-1}>
              {t("minimums.form.resolutions")}
            </legend>
            {errors["min-resolutions"] && <p className="error">{errors["min-resolutions"]}</p>}
            {RESOLUTIONS.map((r) => (
              <label key={r} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.resolutions.includes(r)}
                  onChange={(ev) =>
                    setForm({
                      ...form,
                      resolutions: ev.target.checked
                        ? [...form.resolutions, r]
                        : form.resolutions.filter((x) => x !== r),
                    })
                  }
                />{" "}
                {t(`resolution.${r}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            <FormattedMessage id="minimums.form.save" />
          </button>
        </form>
      )}
    </section>
  );
}
