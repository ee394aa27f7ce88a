import { type ReactNode, useEffect } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { LOCALES, languageName } from "../shared/i18n/catalogues.ts";
import { useLocale } from "../shared/i18n/I18n.tsx";
import { Link } from "./Link.tsx";
import { href, navigate } from "./router.ts";
import { useSession } from "./session.tsx";

/** Each entry by permission, or for one role only (a vendor's own policy: not a grant, see roles.ts). */
const NAV: readonly { to: string; id: string; permission: string; role?: string }[] = [
  { to: "", id: "nav.home", permission: "read" },
  { to: "returns", id: "nav.returns", permission: "read" },
  { to: "dashboard", id: "nav.dashboard", permission: "reports" },
  { to: "receiving", id: "nav.receiving", permission: "returns:receive" },
  { to: "policies", id: "nav.policies", permission: "policies:write" },
  { to: "policies", id: "nav.myPolicy", permission: "read", role: "vendor" },
  { to: "emails", id: "nav.emails", permission: "settings" },
  { to: "team", id: "nav.team", permission: "accounts" },
  { to: "api-keys", id: "nav.apiKeys", permission: "api_keys" },
  { to: "security", id: "nav.security", permission: "read" },
];

/** Pages over the merchant's whole stock, not one vendor's cases: a vendor account's API refuses them. */
const MERCHANT_WIDE_PAGES = ["receiving"];

/** The back office's frame: skip link, navigation by permission, language, who is signed in, sign-out. */
export function AdminLayout({
  title,
  current,
  children,
}: {
  title: string;
  current?: string;
  children: ReactNode;
}) {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  const { me, client, setMe, can } = useSession();
  useEffect(() => {
    document.title = `${title} · ${intl.formatMessage({ id: "app.title" })}`;
  }, [title, intl]);
  async function signOut() {
    try {
      await client.signOut();
    } finally {
      setMe(null);
      navigate(href(""), { replace: true });
    }
  }
  return (
    <div className="page admin">
      <a className="skip-link" href="#main">
        <FormattedMessage id="nav.skip" />
      </a>
      <header className="site-header admin-header">
        <span className="brand-name">
          <FormattedMessage id="app.title" />
        </span>
        {me && (
          <nav aria-label={intl.formatMessage({ id: "nav.label" })}>
            <ul className="admin-nav">
              {NAV.filter(
                (n) =>
                  can(n.permission) &&
                  (n.role === undefined || n.role === me.account.role) &&
                  (!MERCHANT_WIDE_PAGES.includes(n.to) || me.account.role !== "vendor"),
              ).map((n) => (
                <li key={n.id}>
                  <Link to={n.to} current={current === n.to}>
                    <FormattedMessage id={n.id} />
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="admin-tools">
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
          {me && (
            <>
              <span className="who">
                <FormattedMessage
                  id="nav.signedInAs"
                  values={{
                    name: me.account.name,
                    role: intl.formatMessage({ id: `role.${me.account.role}` }),
                  }}
                />
              </span>
              <button type="button" className="secondary" onClick={() => void signOut()}>
                <FormattedMessage id="nav.signOut" />
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
