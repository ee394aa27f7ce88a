/**
 * The e-mails Crossback sends shoppers, and the values each template can use. Every template
 * also gets the common values (`COMMON_VALUES`). Templates are ICU MessageFormat strings; the
 * catalogues (`catalogues/<locale>.json`) hold the default wording per locale.
 */
export const EMAIL_KINDS = [
  "request_received",
  "approved",
  "rejected",
  "label_ready",
  "received",
  "inspected",
  "refunded",
  "store_credit_issued",
  "payment_request",
  "delayed",
  "ship_by_reminder",
  "completed",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const isEmailKind = (v: unknown): v is EmailKind =>
  typeof v === "string" && EMAIL_KINDS.some((k) => k === v);

/** The editable parts of a template. */
export const TEMPLATE_FIELDS = ["subject", "html", "text"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type EmailTemplate = Readonly<Record<TemplateField, string>>;

/** What a template is formatted with: text (HTML-escaped in the html part) and numbers. */
export type EmailValues = Readonly<Record<string, string | number>>;

/** In every template: the shopper, the case, the order and the shop. */
export const COMMON_VALUES = ["shopperName", "hasName", "caseNumber", "orderNumber", "shopName"] as const;

/** The values of each kind besides the common ones (documented in the API and the README). */
export const KIND_VALUES: Readonly<Record<EmailKind, readonly string[]>> = {
  request_received: ["items"],
  approved: ["returnRequired", "hasShipBy", "shipBy"],
  rejected: ["hasReason", "reason"],
  label_ready: ["hasTracking", "carrier", "trackingNumber"],
  received: [],
  inspected: ["accepted", "refused"],
  refunded: ["amount", "method", "arrival"],
  store_credit_issued: ["amount", "hasExpiry", "expires"],
  payment_request: ["amount"],
  delayed: ["trackingNumber", "daysLate"],
  ship_by_reminder: ["shipBy", "daysLeft"],
  completed: ["surveyUrl"],
};
