import { useEffect, useRef } from "react";
import { FormattedMessage } from "react-intl";

/** The form's errors in one place, focused when it appears; each links to its field. */
export function ErrorSummary({ errors }: { errors: readonly { id: string; message: string }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">
        <FormattedMessage id="form.errorSummary.title" values={{ count }} />
      </h2>
      <ul>
        {errors.map((e) => (
          <li key={e.id}>
            <a
              href={`#${e.id}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.id)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
