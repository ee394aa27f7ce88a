import { useEffect, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { LOCALES, languageName } from "../../shared/i18n/catalogues.ts";
import { useSession } from "../session.tsx";

interface Rendered {
  readonly locale: string;
  readonly jurisdiction: string;
  readonly sections: readonly { id: string; title: string; paragraphs: readonly string[] }[];
}

/** The saved policy as the shopper of a market reads it, in their language, with their statutory rights. */
export function RenderedPanel({ version }: { version: number }) {
  const intl = useIntl();
  const { client } = useSession();
  const [country, setCountry] = useState("DE");
  const [locale, setLocale] = useState("de");
  const [page, setPage] = useState<Rendered | null>(null);
  useEffect(() => {
    if (!/^[A-Z]{2}$/.test(country) || version < 0) return;
    client
      .merchant<Rendered>("GET", `/policies/rendered?country=${country}&locale=${encodeURIComponent(locale)}`)
      .then(setPage, () => setPage(null));
  }, [client, country, locale, version]);
  return (
    <section aria-labelledby="rendered-title">
      <h2 id="rendered-title">
        <FormattedMessage id="policyEditor.rendered" />
      </h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="rendered-country">{intl.formatMessage({ id: "filter.market" })}</label>
          <input
            id="rendered-country"
            value={country}
            maxLength={2}
            size={4}
            onChange={(ev) => setCountry(ev.target.value.toUpperCase())}
          />
        </div>
        <div className="field">
          <label htmlFor="rendered-locale">{intl.formatMessage({ id: "nav.language" })}</label>
          <select id="rendered-locale" value={locale} onChange={(ev) => setLocale(ev.target.value)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {page && (
        <article
          className="rendered-policy"
          lang={page.locale}
          dir={/^(ar|he)\b/.test(page.locale) ? "rtl" : "ltr"}
        >
          {page.sections.map((s) => (
            <section key={s.id}>
              <h3>{s.title}</h3>
              {s.paragraphs.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </section>
          ))}
        </article>
      )}
    </section>
  );
}
