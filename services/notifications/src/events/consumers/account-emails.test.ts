import { randomBytes } from "node:crypto";
import { buildEnvelope, createLogger, emailLinkId, newEmailLinkId } from "@tx/service-kit";
import { connectServiceForTest } from "@tx/service-kit/testing";
import { listMessages, readMessage, waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport } from "../../mail/smtp";
import type { MailTransport } from "../../mail/transport";
import { type AccountMailer, sendAccountEmail } from "./account-emails";

const env = withInfra(["mongo", "nats", "mail"]);
const log = createLogger("test", "silent");
const linkSecret = randomBytes(32).toString("base64url");
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
let smtp: MailTransport;
let mailer: AccountMailer;

beforeAll(async () => {
  conn = await connectServiceForTest("notifications", env.infra.urls);
  smtp = createSmtpTransport({
    kind: "smtp",
    host: env.infra.urls.SMTP_HOST,
    port: Number(env.infra.urls.SMTP_PORT),
    from: "Ticket Exchange <no-reply@ticket-exchange.local>",
  });
  mailer = { transport: smtp, webBaseUrl: "https://tickets.example", linkSecret };
});
afterAll(async () => {
  await conn.close();
  await smtp.close();
});

const oid = () => randomBytes(12).toString("hex");
const address = (label: string) => `${label}-${oid().slice(0, 8)}@example.com`;
const soon = () => new Date(Date.now() + 30 * 60_000).toISOString();

/** The one email that reached `to`, read whole from Mailpit. */
async function onlyEmailTo(to: string) {
  const mine = await waitFor("the email in Mailpit", async () => {
    const found = (await listMessages(env.infra.urls.MAILPIT_URL)).filter((m) =>
      m.To.some((t) => t.Address === to),
    );
    return found.length > 0 ? found : null;
  });
  // A moment for a second copy to arrive, were one sent.
  await new Promise((r) => setTimeout(r, 300));
  const all = (await listMessages(env.infra.urls.MAILPIT_URL)).filter((m) =>
    m.To.some((t) => t.Address === to),
  );
  expect(all).toHaveLength(1);
  return readMessage(env.infra.urls.MAILPIT_URL, mine[0]?.ID ?? "");
}

const tokenIn = (text: string, path: string) =>
  decodeURIComponent(new RegExp(`${path}\\?token=([^\\s\\]"&)]+)`).exec(text)?.[1] ?? "");

describe("account emails", () => {
  it("sends one confirmation link per registration, whose token only the services can make", async () => {
    const to = address("confirm");
    const linkId = newEmailLinkId();
    const event = buildEnvelope("user.registration_requested", {
      email: to,
      name: "Ada",
      linkId,
      expiresAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    });
    await sendAccountEmail(mailer, event, log);
    await sendAccountEmail(mailer, event, log);
    const email = await onlyEmailTo(to);
    expect(email.Subject).toBe("Confirm your email");
    expect(email.Text).toContain("24 hours");
    const token = tokenIn(email.Text, "https://tickets.example/register/confirm");
    expect(emailLinkId(linkSecret, "confirm", token)).toBe(linkId);
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it("tells the owner of an existing account, with sign-in and reset links", async () => {
    const to = address("exists");
    const event = buildEnvelope("user.registration_repeated", {
      userId: oid(),
      email: to,
      name: "Ada",
    });
    await sendAccountEmail(mailer, event, log);
    const email = await onlyEmailTo(to);
    expect(email.Subject).toBe("You already have an account");
    expect(email.Text).toContain("https://tickets.example/signin");
    expect(email.Text).toContain("https://tickets.example/forgot-password");
  });

  it("sends a reset link that works for 30 minutes", async () => {
    const to = address("reset");
    const linkId = newEmailLinkId();
    const event = buildEnvelope("user.password_reset_requested", {
      userId: oid(),
      email: to,
      name: "Ada",
      linkId,
      expiresAt: soon(),
    });
    await sendAccountEmail(mailer, event, log);
    await sendAccountEmail(mailer, event, log);
    const email = await onlyEmailTo(to);
    expect(email.Subject).toBe("Reset your password");
    expect(email.Text).toContain("30 minutes");
    const token = tokenIn(email.Text, "https://tickets.example/reset-password");
    expect(emailLinkId(linkSecret, "reset", token)).toBe(linkId);
  });

  it("tells the owner their password changed and every other session ended", async () => {
    const to = address("changed");
    await sendAccountEmail(
      mailer,
      buildEnvelope("user.password_changed", {
        userId: oid(),
        email: to,
        name: "Ada",
        changedAt: "2027-03-14T20:00:00.000Z",
        via: "change",
      }),
      log,
    );
    const email = await onlyEmailTo(to);
    expect(email.Subject).toBe("Your password was changed");
    // Intl puts a narrow no-break space before PM, as in the other emails' tests.
    expect(email.Text.replace(/\u202f/g, " ")).toContain("Sun, Mar 14, 2027, 8:00 PM UTC");
    expect(email.Text).toContain("signed out");
  });
});
