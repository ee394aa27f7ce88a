import nodemailer from "nodemailer";
import type { Mailer } from "../../app/notify/mail-records.ts";

export interface SmtpSettings {
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://…:465. */
  readonly url: string;
  /** The sender address (MAIL_FROM); the shop's name is shown beside it. */
  readonly from: string;
  readonly timeoutMs?: number;
}

/** "Shop <returns@shop.example>" or "returns@shop.example" → the address alone. */
export function addressOf(from: string): string {
  const m = /<([^<>]+)>\s*$/.exec(from);
  return (m?.[1] ?? from).trim();
}

/**
 * The Mailer port over SMTP (nodemailer, one transport). The Message-ID is derived from our
 * message id, so a message sent again after a crash carries the same id; failures are answered, not thrown.
 */
export function smtpMailer(s: SmtpSettings): Mailer & { close(): void } {
  const timeout = s.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    url: s.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const address = addressOf(s.from);
  const domain = address.split("@")[1] ?? "crossback.invalid";
  return {
    async send(m) {
      try {
        const info = await transport.sendMail({
          from: m.fromName ? { name: m.fromName, address } : s.from,
          to: m.to,
          replyTo: m.replyTo ?? undefined,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: `<${m.id}@${domain}>`,
          headers: { "Content-Language": m.language, "Auto-Submitted": "auto-generated" },
        });
        return { ok: true, response: String(info.response ?? "") };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    close: () => transport.close(),
  };
}
