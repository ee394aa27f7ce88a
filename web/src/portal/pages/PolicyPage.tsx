import { useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useLocale } from "../../shared/i18n/I18n.tsx";
import { Field } from "../../shared/ui/Field.tsx";
import { Layout } from "../../shared/ui/Layout.tsx";
import { href, navigate } from "../router.ts";
import { usePortal } from "../state.tsx";

const COUNTRIES = [
  "AE",
  "AR",
  "AT",
  "AU",
  "BE",
  "BR",
  "CA",
  "CH",
  "CL",
  "CN",
  "CO",
  "DE",
  "DK",
  "ES",
  "FI",
  "FR",
  "GB",
  "IE",
  "IL",
  "IN",
  "IT",
  "JP",
  "KR",
  "MX",
  "NL",
  "NO",
  "NZ",
  "PL",
  "PT",
  "RU",
  "SA",
  "SE",
  "SG",
  "TR",
  "US",
  "ZA",
];

/** The merchant's return policy with the shopper's statutory rights, rendered by the server's renderer. */
export default function PolicyPage({ country }: { country: string | null }) {
  const { boot, api, slug } = usePortal();
  const { locale } = useLocale();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [policy, setPolicy] = useState<{
    sections: { id: string; title: string; paragraphs: string[] }[];
    locale: string;
  } | null>(null);
  const [pick, setPick] = useState(country ?? "DE");
  useEffect(() => {
    if (country) api.policy(country, locale).then(setPolicy, () => setPolicy(null));
  }, [api, country, locale]);
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return (
    <Layout merchant={boot.merchant} title={t("policy.title")}>
      <h1>
        <FormattedMessage id="policy.title" />
      </h1>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(href(slug, "policy", { country: pick }));
        }}
      >
        <Field id="policy-country" label={t("policy.country")}>
          {(a) => (
            <select id={a.id} value={pick} onChange={(e) => setPick(e.target.value)}>
              {COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {names.of(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="secondary">
          <FormattedMessage id="policy.show" />
        </button>
      </form>
      {policy && (
        <article lang={policy.locale}>
          {policy.sections.map((s) => (
            <section key={s.id}>
              <h2>{s.title}</h2>
              {s.paragraphs.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
                <p key={i}>{p}</p>
              ))}
            </section>
          ))}
        </article>
      )}
    </Layout>
  );
}
