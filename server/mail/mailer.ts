import nodemailer from 'nodemailer';

/** One e-mail to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** What the reminders need of an e-mail channel (tests may pass a fake). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP mailer from SMTP_URL (smtp://host:port, smtps://user:password@host:port; nodemailer reads the
 * options from the address). The address may hold a password: it is never logged.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html });
    },
    close() {
      transport.close();
    },
  };
}

/** An error of the mail channel reduced to what may be logged: no address, no name, only codes. */
export function mailErrorForLog(err: unknown): { code?: string; responseCode?: number; command?: string } {
  const e = err as { code?: string; responseCode?: number; command?: string };
  return { code: e?.code, responseCode: e?.responseCode, command: e?.command };
}
