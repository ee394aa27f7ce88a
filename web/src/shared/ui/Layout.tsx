import { type CSSProperties, type ReactNode, useEffect } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import type { Branding } from "../boot.ts";
import { LOCALES, languageName } from "../i18n/catalogues.ts";
import { useLocale } from "../i18n/I18n.tsx";

/** The page frame: skip link, the merchant's brand, the language picker, one <main>. */
export function Layout({
  merchant,
  title,
  children,
}: {
  merchant: Branding | null;
  title: string;
  children: ReactNode;
}) {
  const { locale, setLocale } = useLocale();
  const intl = useIntl();
  const name = merchant?.name ?? "Crossback";
  const full = `${title} · ${intl.formatMessage({ id: "app.title" }, { merchant: name })}`;
  useEffect(() => {
    document.title = full;
  }, [full]);
  const brand = {
    "--brand": merchant?.colour ?? "#1f4f8f",
    "--brand-text": merchant?.colourText ?? "#ffffff",
  } as CSSProperties;
  return (
    <div className="page" style={brand}>
      <a className="skip-link" href="#main">
        <FormattedMessage id="nav.skip" />
      </a>
      <header className="site-header">
        <div className="brand">
          {merchant?.logoUrl ? (
            <img src={merchant.logoUrl} alt={name} height={40} />
          ) : (
            <span className="brand-name">{name}</span>
          )}
        </div>
        <label className="language">
          <span>
            <FormattedMessage id="nav.language" />
          </span>
          <select value={locale} onChange={(e) => setLocale(e.target.value)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        {merchant?.supportEmail && (
          <p>
            <FormattedMessage
              id="footer.help"
              values={{ email: <a href={`mailto:${merchant.supportEmail}`}>{merchant.supportEmail}</a> }}
            />
          </p>
        )}
      </footer>
    </div>
  );
}
