import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError } from "../shared/api.ts";
import { Field } from "../shared/ui/Field.tsx";
import { usePortal } from "./state.tsx";
import type { OrderLine } from "./types.ts";

export interface LineChoice {
  selected: boolean;
  quantity: number;
  reason: string;
  comment: string;
  photoIds: string[];
}

/** One order line's choices: return it or not, how many, the reason, a comment, photos when required. */
export function LineForm({
  line,
  choice,
  errors,
  onChange,
}: {
  line: OrderLine;
  choice: LineChoice;
  errors: Record<string, string>;
  onChange(c: LineChoice): void;
}) {
  const { api } = usePortal();
  const intl = useIntl();
  const t = (id: string, v?: Record<string, string | number>) => intl.formatMessage({ id }, v);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const id = line.externalId;
  const needsPhotos = choice.reason !== "" && line.photosRequiredFor.includes(choice.reason);

  async function upload(files: FileList | null) {
    if (!files) return;
    setPhotoError(null);
    setUploading(true);
    const ids = [...choice.photoIds];
    for (const file of [...files]) {
      try {
        ids.push((await api.uploadPhoto(file)).id);
      } catch (e) {
        const status = e instanceof ApiError ? e.problem.status : 0;
        setPhotoError(
          t(
            status === 413
              ? "items.photos.tooLarge"
              : status === 415
                ? "items.photos.wrongType"
                : "error.generic",
          ),
        );
      }
    }
    setUploading(false);
    onChange({ ...choice, photoIds: ids });
  }

  return (
    <div>
      <div className="choice">
        <input
          type="checkbox"
          id={`select-${id}`}
          checked={choice.selected}
          onChange={(e) => onChange({ ...choice, selected: e.target.checked })}
        />
        <label htmlFor={`select-${id}`}>
          <FormattedMessage id="items.select" />
          <span className="visually-hidden">: {line.title}</span>
        </label>
      </div>
      {choice.selected && (
        <div>
          {line.returnable > 1 && (
            <Field
              id={`quantity-${id}`}
              label={t("items.quantity")}
              hint={t("items.quantityOf", { max: line.returnable })}
            >
              {(a) => (
                <select
                  id={a.id}
                  value={choice.quantity}
                  aria-describedby={a.describedBy}
                  onChange={(e) => onChange({ ...choice, quantity: Number(e.target.value) })}
                >
                  {Array.from({ length: line.returnable }, (_, i) => i + 1).map((n) => (
                    <option key={n} value={n}>
                      {intl.formatNumber(n)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field id={`reason-${id}`} label={t("items.reason")} error={errors[`reason-${id}`]}>
            {(a) => (
              <select
                id={a.id}
                value={choice.reason}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid}
                aria-required="true"
                onChange={(e) => onChange({ ...choice, reason: e.target.value })}
              >
                <option value="">{t("items.reason.placeholder")}</option>
                {line.reasons.map((r) => (
                  <option key={r} value={r}>
                    {t(`reason.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {choice.reason === "changed_mind" || choice.reason === "" ? null : (
            <p className="hint">{t("items.faultyHint")}</p>
          )}
          <Field id={`comment-${id}`} label={`${t("items.comment")} (${t("form.optional")})`}>
            {(a) => (
              <textarea
                id={a.id}
                rows={3}
                maxLength={2000}
                value={choice.comment}
                aria-describedby={a.describedBy}
                onChange={(e) => onChange({ ...choice, comment: e.target.value })}
              />
            )}
          </Field>
          {needsPhotos && (
            <Field
              id={`photo-${id}`}
              label={t("items.photos")}
              hint={t("items.photos.required")}
              error={photoError ?? errors[`photo-${id}`]}
            >
              {(a) => (
                <>
                  <input
                    id={a.id}
                    type="file"
                    accept="image/jpeg,image/png,image/webp"
                    multiple
                    aria-describedby={a.describedBy}
                    aria-invalid={a.invalid}
                    onChange={(e) => void upload(e.target.files)}
                  />
                  <p role="status" className="muted">
                    {uploading
                      ? t("form.submitting")
                      : t("items.photos.uploaded", { count: choice.photoIds.length })}
                  </p>
                </>
              )}
            </Field>
          )}
        </div>
      )}
    </div>
  );
}
