import { useCallback, useEffect, useMemo, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError } from "../../shared/api.ts";
import { ErrorSummary } from "../../shared/ui/ErrorSummary.tsx";
import { AdminLayout } from "../AdminLayout.tsx";
import { Link } from "../Link.tsx";
import { CheckPanel, SampleDecision } from "../policies/CheckPanel.tsx";
import { FIELD_LABELS, policyFieldErrors } from "../policies/field-ids.ts";
import { MinimumsNote } from "../policies/MinimumsNote.tsx";
import { useMinimums } from "../policies/minimums.ts";
import { PolicyFields } from "../policies/PolicyFields.tsx";
import { newPolicy, policyAccess, vendorsOf } from "../policies/policy-access.ts";
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

/**
 * A policy as a form, checked against the law of every covered country as it is typed. A vendor policy
 * shows the marketplace's minimums; a vendor account edits its own (no sample order, no rendered page:
 * both reach beyond its vendor, and the server refuses them).
 */
export default function PolicyEditorPage({ id }: { id: string }) {
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: key });
  const { client, me } = useSession();
  const { mayEdit, vendor } = policyAccess(me);
  const minimums = useMinimums(client);
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
      const start = doc ?? newPolicy(id, vendor);
      setBase(start);
      setForm(formOf(start));
      setVersions(v?.items ?? []);
    } catch (e) {
      setNotice({ ok: false, text: problemText(e) });
    }
  }, [client, id, problemText, vendor]);
  useEffect(() => {
    void load();
  }, [load]);
  const draft = useMemo(() => (base && form ? docOf(base, form) : DEFAULT_POLICY), [base, form]);
  const active =
    !vendor && sample.orderExternalId.trim() && sample.orderLineExternalId.trim() ? sample : null;
  const check = usePolicyCheck(client, id, draft, active);
  const errors = { ...check.errors, ...saveErrors };
  const summary = Object.entries(errors).map(([k, message]) => {
    const label = FIELD_LABELS[k];
    const field = label ? t(label) : null;
    return {
      id: k,
      message: field ? intl.formatMessage({ id: "policyEditor.fieldError" }, { field, message }) : message,
    };
  });
  const owner = vendorsOf(draft)[0];

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
          <FormattedMessage id={vendor ? "policyEditor.backMine" : "policyEditor.back"} />
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
      {form && owner && minimums !== undefined && <MinimumsNote minimums={minimums} vendor={owner} />}
      {form && (
        <div className="policy-editor">
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              void save();
            }}
            noValidate
          >
            <ErrorSummary errors={summary} />
            {errors["policy-other"] && (
              <p className="error" id="policy-other">
                {errors["policy-other"]}
              </p>
            )}
            <PolicyFields form={form} errors={errors} set={(patch) => setForm({ ...form, ...patch })} />
            {!vendor && <SampleFields sample={sample} error={errors["sample-order"]} set={setSample} />}
            {!vendor && <SampleDecision result={check.result} />}
            {mayEdit && (
              <button type="submit" className="primary">
                <FormattedMessage id="policyEditor.save" />
              </button>
            )}
          </form>
          <CheckPanel result={check.result} />
        </div>
      )}
      <VersionsPanel id={id} versions={versions} />
      {!vendor && versions.length > 0 && <RenderedPanel version={versions.length} />}
      <p className="muted">{t("policyEditor.json")}</p>
    </AdminLayout>
  );
}
