import { type ReactNode, useId } from "react";

/** A labelled form control with its hint and its error right next to it (WCAG 3.3.1, 3.3.2). */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  id?: string;
  children: (a: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const auto = useId();
  const id = props.id ?? auto;
  const hint = props.hint ? `${id}-hint` : null;
  const err = props.error ? `${id}-error` : null;
  const describedBy = [hint, err].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${props.error ? " field--error" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hint ?? undefined}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="error" id={err ?? undefined}>
          {props.error}
        </p>
      )}
      {props.children({ id, describedBy, invalid: !!props.error })}
    </div>
  );
}
