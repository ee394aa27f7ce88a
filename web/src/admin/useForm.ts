import { useCallback } from "react";
import { useIntl } from "react-intl";
import { ApiError, fieldErrors } from "../shared/api.ts";

/** One message for a failed request: the problem's code worded in the page's language (stable per language). */
export function useProblemText() {
  const intl = useIntl();
  return useCallback(
    (e: unknown): string => {
      if (!(e instanceof ApiError)) return intl.formatMessage({ id: "problem.network" });
      const p = e.problem;
      const minutes = Math.ceil(Number(p.retryAfterSeconds ?? 60) / 60);
      const known = [
        "invalid_credentials",
        "account_locked",
        "rate_limited",
        "forbidden",
        "csrf_failed",
        "unauthorized",
        "not_found",
        "invalid_input",
        "invalid_request",
        "illegal_transition",
        "version_conflict",
      ];
      if (known.includes(p.code)) return intl.formatMessage({ id: `problem.${p.code}` }, { minutes });
      return intl.formatMessage({ id: "problem.other" }, { detail: p.detail });
    },
    [intl],
  );
}

/** The field errors of a problem, under the form's field ids. */
export function errorsFor(e: unknown, ids: Record<string, string>): Record<string, string> {
  const byPath = fieldErrors(e);
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(byPath)) out[ids[path] ?? path] = message;
  return out;
}
