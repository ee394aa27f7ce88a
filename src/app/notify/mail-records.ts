import type { EmailKind, EmailTemplate } from "../../domain/notify/email/email-kinds.ts";
import type { SurveyAnswer } from "../../domain/notify/survey-results.ts";

/** Sends one e-mail (the SMTP adapter); the outside world's answer, never thrown. */
export interface Mailer {
  send(m: OutgoingEmail): Promise<{ ok: true; response: string } | { ok: false; error: string }>;
}

export interface OutgoingEmail {
  /** Our message id: the same on every attempt (the Message-ID header), so receivers can spot a repeat. */
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The language of the message (Content-Language). */
  readonly language: string;
  /** The shop's name shown as the sender (the address is MAIL_FROM's). */
  readonly fromName: string | null;
  readonly replyTo: string | null;
}

/** `pending`: to be sent (again); `sent`: the SMTP server took it; `not_sent`: recorded only (no SMTP_URL). */
export type EmailStatus = "pending" | "sent" | "not_sent";

/** One e-mail to a shopper, recorded before it is sent: its key says what it is for (event and kind). */
export interface EmailMessage {
  readonly id: string;
  readonly merchantId: string;
  readonly caseId: string | null;
  /** `<event id>:<kind>`, or `reminder:<case id>:<ship-by>`: a redelivered event finds its message. */
  readonly key: string;
  readonly kind: EmailKind;
  readonly locale: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly status: EmailStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

export interface StoredEmailTemplate extends EmailTemplate {
  readonly updatedAt: Date;
}

export interface EmailTemplateRepo {
  get(merchantId: string, kind: EmailKind, locale: string): Promise<StoredEmailTemplate | null>;
  put(merchantId: string, kind: EmailKind, locale: string, t: EmailTemplate, at: Date): Promise<void>;
  /** false when there was no edited template. */
  delete(merchantId: string, kind: EmailKind, locale: string): Promise<boolean>;
}

export interface EmailMessageRepo {
  /** Inserts the message unless one with its key exists; the stored one. */
  ensure(m: EmailMessage): Promise<EmailMessage>;
  /** Inserts, in one statement, each message whose key is new; the ids of those inserted now. */
  ensureAll(ms: readonly EmailMessage[]): Promise<Set<string>>;
  recordAttempt(
    merchantId: string,
    id: string,
    change: Pick<EmailMessage, "status" | "attempts" | "lastError" | "sentAt">,
  ): Promise<void>;
  /** Newest first; `before` is a message id (cursor). */
  list(merchantId: string, q: { caseId?: string; before?: string; limit: number }): Promise<EmailMessage[]>;
  /**
   * Cases waiting for the shopper's parcel (approved or awaiting shipment, a return required) whose
   * ship-by date lies in [from, until] and that have no message with `keyPrefix + case id` yet.
   */
  awaitingShipment(
    from: Date,
    until: Date,
    keyPrefix: string,
    limit: number,
  ): Promise<{ merchantId: string; caseId: string }[]>;
}

/** A shopper's answer to the post-return survey, with the case's market, vendor and reasons. */
export interface SurveyResponse extends SurveyAnswer {
  readonly caseId: string;
  readonly merchantId: string;
  readonly comment: string | null;
  readonly createdAt: Date;
}

export interface SurveyRepo {
  /** Records the answer unless the case has one; false then. */
  insert(r: SurveyResponse): Promise<boolean>;
  get(merchantId: string, caseId: string): Promise<SurveyResponse | null>;
  list(merchantId: string, q: { from?: Date; to?: Date }): Promise<SurveyResponse[]>;
}

export interface MailRepos {
  readonly emailTemplates: EmailTemplateRepo;
  readonly emailMessages: EmailMessageRepo;
  readonly surveys: SurveyRepo;
}
