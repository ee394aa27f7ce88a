import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import type { Client } from "../api.ts";
import { newKey } from "./queue.ts";
import { DEFAULT_DISPOSITION, DISPOSITIONS, type Disposition, GRADES, type Grade } from "./types.ts";

export interface StationLine {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly toGrade: number;
}

/**
 * Grades the next unit of a line: condition, where it goes (the grade's usual disposition unless
 * changed), accepted or refused, and photos from the tablet's camera (sent at once, tagged to the line).
 */
export function GradeForm({
  caseId,
  line,
  client,
  save,
  problemText,
}: {
  caseId: string;
  line: StationLine;
  client: Client;
  save(g: { grade: Grade; disposition: Disposition; outcome: "accepted" | "refused" }): void;
  problemText(e: unknown): string;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [grade, setGrade] = useState<Grade>("like_new");
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [outcome, setOutcome] = useState<"accepted" | "refused">("accepted");
  const [photos, setPhotos] = useState(0);
  // A new file input per unit: the previous unit's photos do not stay selected.
  const [unit, setUnit] = useState(0);
  const [photoError, setPhotoError] = useState<string | null>(null);
  // A unit of unknown condition always goes to quarantine (the API refuses anything else).
  const chosen = grade === "unknown" ? "quarantine" : (disposition ?? DEFAULT_DISPOSITION[grade]);
  const id = (f: string) => `${f}-${line.id}`;

  async function upload(files: FileList | null) {
    for (const file of files ? [...files] : []) {
      const form = new FormData();
      form.append("photo", file);
      try {
        await client.upload(`/returns/${caseId}/photos?lineId=${line.id}`, form, newKey());
        setPhotos((n) => n + 1);
        setPhotoError(null);
      } catch (e) {
        setPhotoError(problemText(e));
      }
    }
  }
  return (
    <fieldset className="grade-form">
      <legend>
        <FormattedMessage
          id="receiving.grade.legend"
          values={{ title: line.title, sku: line.sku, count: line.toGrade }}
        />
      </legend>
      <div className="grade-fields">
        <div className="field">
          <label htmlFor={id("grade")}>{t("receiving.grade.condition")}</label>
          <select id={id("grade")} value={grade} onChange={(e) => setGrade(e.target.value as Grade)}>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {t(`grade.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("disposition")}>{t("receiving.grade.disposition")}</label>
          <select
            id={id("disposition")}
            value={chosen}
            onChange={(e) => setDisposition(e.target.value as Disposition)}
          >
            {DISPOSITIONS.filter((d) => grade !== "unknown" || d === "quarantine").map((d) => (
              <option key={d} value={d}>
                {t(`disposition.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("outcome")}>{t("receiving.grade.outcome")}</label>
          <select
            id={id("outcome")}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value === "refused" ? "refused" : "accepted")}
          >
            <option value="accepted">{t("receiving.grade.accepted")}</option>
            <option value="refused">{t("receiving.grade.refused")}</option>
          </select>
        </div>
        <div className={`field${photoError ? " field--error" : ""}`}>
          <label htmlFor={id("photo")}>{t("receiving.grade.photo")}</label>
          {photoError && (
            <p className="error" id={id("photo-error")}>
              {photoError}
            </p>
          )}
          <input
            key={unit}
            id={id("photo")}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-describedby={photoError ? id("photo-error") : undefined}
            onChange={(e) => void upload(e.target.files)}
          />
          {photos > 0 && (
            <p className="hint" role="status">
              <FormattedMessage id="receiving.grade.photos" values={{ count: photos }} />
            </p>
          )}
        </div>
      </div>
      <button
        type="button"
        className="primary big"
        onClick={() => {
          save({ grade, disposition: chosen, outcome });
          setDisposition(null);
          setOutcome("accepted");
          setPhotos(0);
          setUnit((n) => n + 1);
        }}
      >
        <FormattedMessage id="receiving.grade.save" values={{ title: line.title }} />
      </button>
    </fieldset>
  );
}
