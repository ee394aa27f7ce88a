import { useCallback, useEffect, useMemo, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError } from "../../shared/api.ts";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import { Link } from "../Link.tsx";
import { CheckPanel, SampleDecision } from "../policies/CheckPanel.tsx";
import { policyFieldErrors } from "../policies/field-ids.ts";
import { PolicyFields } from "../policies/PolicyFields.tsx";
import { DEFAULT_POLICY, docOf, formOf, type PolicyDoc, type PolicyForm } from "../policies/policy-doc.ts";
import { RenderedPanel } from "../policies/RenderedPanel.tsx";
import { SampleFields } from "../policies/SampleFields.tsx";
import { type Sample, usePolicyCheck } from "../policies/usePolicyCheck.ts";
import { type Version, VersionsPanel } from "../policies/VersionsPanel.tsx";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

const orNull = <T,>(p: Promise<T>) =>
  p.catch((e: unknown) => {
    if (e instanceof ApiError && e.problem.status === 404) return null;
    throw e;
  });

/** A policy as a form, checked against the law of every covered country as it is typed. */
export default function PolicyEditorPage({ id }: { id: string }) {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const { client, can } = useSession();
  const problemText = useProblemText();
  const [base, setBase] = useState<PolicyDoc | null>(null);
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [versions, setVersions] = useState<readonly Version[]>([]);
  const [sample, setSample] = useState<Sample>({
    orderExternalId: "",
    orderLineExternalId: "L1",
    reason: "changed_mind",
  });
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(async () => {
    try {
      const [doc, v] = await Promise.all([
        orNull(client.merchant<PolicyDoc>("GET", `/policies/${encodeURIComponent(id)}`)),
        orNull(client.merchant<{ items: Version[] }>("GET", `/policies/${encodeURIComponent(id)}/versions`)),
      ]);
      const start = doc ?? { ...DEFAULT_POLICY, name: id };
      setBase(start);
      setForm(formOf(start));
      setVersions(v?.items ?? []);
    } catch (e) {
      setNotice({ ok: false, text: problemText(e) });
    }
  }, [client, id, problemText]);
  useEffect(() => {
    void load();
  }, [load]);
  const draft = useMemo(() => (base && form ? docOf(base, form) : DEFAULT_POLICY), [base, form]);
  const active = sample.orderExternalId.trim() && sample.orderLineExternalId.trim() ? sample : null;
  const check = usePolicyCheck(client, id, draft, active);
  const errors = { ...check.errors, ...saveErrors };

  async function save() {
    try {
      const saved = await client.merchant<{ version: number; warnings: unknown[] }>(
        "PUT",
        `/policies/${encodeURIComponent(id)}`,
        draft,
      );
      setSaveErrors({});
      setNotice({
        ok: true,
        text: intl.formatMessage({ id: "policyEditor.saved" }, { version: saved.version }),
      });
      await load();
    } catch (e) {
      setSaveErrors(policyFieldErrors(e));
      setNotice({ ok: false, text: problemText(e) });
    }
  }
  const title = intl.formatMessage({ id: "policyEditor.title" }, { id });
  return (
    <AdminLayout title={title} current="policies">
      <p>
        <Link to="policies">
          <FormattedMessage id="policyEditor.back" />
        </Link>
      </p>
      <h1>{title}</h1>
      {notice && (
        <p
          className={`notice ${notice.ok ? "notice--ok" : "notice--bad"}`}
          role={notice.ok ? "status" : "alert"}
        >
          {notice.text}
        </p>
      )}
      {form && (
        <div className="policy-editor">
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              void save();
            }}
            noValidate
          >
            <ErrorSummary errors={Object.entries(errors).map(([k, message]) => ({ id: k, message }))} />
            {errors["policy-other"] && (
              <p className="error" id="policy-other">
                {errors["policy-other"]}
              </p>
            )}
            <PolicyFields form={form} errors={errors} set={(patch) => setForm({ ...form, ...patch })} />
            <SampleFields sample={sample} error={errors["sample-order"]} set={setSample} />
            <SampleDecision result={check.result} />
            {can("policies:write") && (
              <button type="submit" className="primary">
                <FormattedMessage id="policyEditor.save" />
              </button>
            )}
          </form>
          <CheckPanel result={check.result} />
        </div>
      )}
      <VersionsPanel id={id} versions={versions} />
      {versions.length > 0 && <RenderedPanel version={versions.length} />}
      <p className="muted">{t("policyEditor.json")}</p>
    </AdminLayout>
  );
}
