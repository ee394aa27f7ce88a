import { useEffect, useState } from "react";
import { ApiError } from "../shared/api.ts";
import { useLocale } from "../shared/i18n/I18n.tsx";
import { href, navigate } from "./router.ts";
import { usePortal } from "./state.tsx";

/** The session's order, loaded once; a missing or expired session goes back to the lookup. */
export function useOrder() {
  const { api, order, setOrder, slug } = usePortal();
  const { locale } = useLocale();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (order) return;
    api.order(locale).then(setOrder, (e: unknown) => {
      if (e instanceof ApiError && e.problem.status === 401) navigate(href(slug, ""));
      else setFailed(true);
    });
  }, [api, order, setOrder, slug, locale]);
  return { order, failed };
}
