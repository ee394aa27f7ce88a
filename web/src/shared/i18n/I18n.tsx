import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { IntlProvider } from "react-intl";
import { type Catalogue, loadCatalogue, RTL } from "./catalogues.ts";

interface LocaleControl {
  readonly locale: string;
  setLocale(locale: string): void;
}

const LocaleContext = createContext<LocaleControl>({ locale: "en", setLocale: () => {} });
export const useLocale = () => useContext(LocaleContext);

/** Puts the page in a language: its catalogue, `lang` and `dir` on <html>, and `?lang=` in the URL. */
export function I18n({
  initial,
  children,
  load = loadCatalogue,
}: {
  initial: string;
  children: ReactNode;
  /** The app's catalogues (the portal's by default). */
  load?: (locale: string) => Promise<Catalogue>;
}) {
  const [locale, setLocaleState] = useState(initial);
  const [messages, setMessages] = useState<{ locale: string; catalogue: Catalogue } | null>(null);
  useEffect(() => {
    let live = true;
    void load(locale).then((catalogue) => {
      if (live) setMessages({ locale, catalogue });
    });
    document.documentElement.lang = locale;
    document.documentElement.dir = RTL.has(locale) ? "rtl" : "ltr";
    return () => {
      live = false;
    };
  }, [locale, load]);
  const setLocale = useCallback((l: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set("lang", l);
    window.history.replaceState(window.history.state, "", url);
    setLocaleState(l);
  }, []);
  if (!messages) return null;
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider
        locale={messages.locale}
        messages={messages.catalogue}
        defaultLocale="en"
        onError={reportMissing}
      >
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

function reportMissing(e: Error): void {
  if (import.meta.env.DEV) console.warn(e.message);
}
