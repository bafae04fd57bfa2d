import nodemailer from "nodemailer";

/** SMTP to the local Mailpit (or any relay) when no Resend key is configured. */
export function createSmtpTransport(host: string, port: number) {
  return nodemailer.createTransport({ host, port, secure: false, ignoreTLS: true, pool: true });
}
