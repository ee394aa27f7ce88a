import { FormattedMessage } from "react-intl";

/** A scan of no line of the open return: record it as a wrong item, or ignore a mis-scan. */
export function WrongItemPrompt({ code, record, ignore }: { code: string; record(): void; ignore(): void }) {
  return (
    <div className="notice notice--bad button-row">
      <FormattedMessage id="receiving.wrong.question" values={{ code }} />
      <button type="button" className="danger big" onClick={record}>
        <FormattedMessage id="receiving.wrong.record" />
      </button>
      <button type="button" className="secondary big" onClick={ignore}>
        <FormattedMessage id="receiving.wrong.ignore" />
      </button>
    </div>
  );
}
