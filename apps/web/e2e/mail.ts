import { expect } from "@playwright/test";
import { listMessages, type MailSummary, readMessage } from "@tx/test-kit";

function mailpitUrl(): string {
  const mailpit = process.env.E2E_MAILPIT_URL;
  if (!mailpit) throw new Error("E2E_MAILPIT_URL is not set (global-setup sets it)");
  return mailpit;
}

/** Waits for the email to `to` whose subject contains `subject`, through Mailpit's API. */
export async function emailTo(to: string, subject: string): Promise<MailSummary> {
  const mailpit = mailpitUrl();
  let found: MailSummary | undefined;
  await expect
    .poll(
      async () => {
        const messages = await listMessages(mailpit);
        found = messages.find(
          (m) => m.To.some((r) => r.Address === to) && m.Subject.includes(subject),
        );
        return found !== undefined;
      },
      { timeout: 15_000, message: `an email to ${to} about "${subject}"` },
    )
    .toBe(true);
  if (!found) throw new Error("unreachable");
  return found;
}

/** Every email to `to` whose subject contains `subject` (no wait). */
export async function emailsTo(to: string, subject: string): Promise<MailSummary[]> {
  return (await listMessages(mailpitUrl())).filter(
    (m) => m.To.some((r) => r.Address === to) && m.Subject.includes(subject),
  );
}

/** The plain-text body of an email that reached Mailpit. */
export async function mailText(email: MailSummary): Promise<string> {
  return (await readMessage(mailpitUrl(), email.ID)).Text;
}

/** The link to `path` (on this site) that the newest such email holds, token and all. */
export async function linkInEmail(to: string, subject: string, path: string): Promise<string> {
  const text = await mailText(await emailTo(to, subject));
  const link = new RegExp(`https?://[^\\s\\]]+${path}\\?token=[A-Za-z0-9_.%-]+`).exec(text)?.[0];
  if (!link) throw new Error(`no ${path} link in the email to ${to}: ${text}`);
  return link;
}
