import { type RefObject, useEffect, useState } from "react";
import { FormattedMessage } from "react-intl";

/** Where typed characters belong to the field itself; anywhere else (a button, a select) they go to the scan. */
const TYPING =
  "input:not([type=file]):not([type=checkbox]):not([type=radio]):not([type=button]), textarea, [contenteditable='true']";

/**
 * The station's scan field: a keyboard-wedge scanner types the code and Enter. It takes the focus when
 * the page opens and whenever a character is typed while no text field has the focus (a button, a
 * select: arrows still work there), so a scan is never lost; after each scan it is empty and focused.
 */
export function ScanField({
  label,
  hint,
  onScan,
  inputRef,
}: {
  label: string;
  hint: string;
  onScan(code: string): void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const [value, setValue] = useState("");
  useEffect(() => {
    inputRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      const t = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1 || e.key === " ") return;
      if (t instanceof Element && t.closest(TYPING)) return;
      inputRef.current?.focus();
    };
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, [inputRef]);
  return (
    <form
      className="scan-form"
      onSubmit={(e) => {
        e.preventDefault();
        const code = value;
        setValue("");
        inputRef.current?.focus();
        if (code.trim()) onScan(code);
      }}
    >
      <label htmlFor="scan">{label}</label>
      <p className="hint" id="scan-hint">
        {hint}
      </p>
      <div className="scan-row">
        <input
          id="scan"
          ref={inputRef}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-describedby="scan-hint"
        />
        <button type="submit" className="primary">
          <FormattedMessage id="receiving.scan.submit" />
        </button>
      </div>
    </form>
  );
}
