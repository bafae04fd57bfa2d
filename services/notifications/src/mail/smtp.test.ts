import { listMessages, readMessage, waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { describe, expect, it } from "vitest";
import { createSmtpTransport } from "./smtp";

const env = withInfra(["mail"]);

describe("SMTP transport to the local Mailpit", () => {
  it("delivers a message that can be read back through Mailpit's API", async () => {
    const smtp = createSmtpTransport({
      kind: "smtp",
      host: env.infra.urls.SMTP_HOST,
      port: Number(env.infra.urls.SMTP_PORT),
      from: "Ticket Exchange <no-reply@ticket-exchange.local>",
    });
    await smtp.verify();
    const subject = `Your order is confirmed ${Date.now()}`;
    const { providerId } = await smtp.send(
      {
        to: "buyer@example.com",
        subject,
        text: "Two tickets for The National, 14 March.",
        html: "<p>Two tickets for <strong>The National</strong>, 14 March.</p>",
      },
      "3f1c2a4e-0000-4000-8000-000000000001.order-confirmed",
    );
    await smtp.close();
    // The Message-ID comes from the delivery id, so a resend after a crash shares it.
    expect(providerId).toBe(
      "<3f1c2a4e-0000-4000-8000-000000000001.order-confirmed@ticket-exchange.local>",
    );
    const summary = await waitFor("the message in Mailpit", async () =>
      (await listMessages(env.infra.urls.MAILPIT_URL)).find((m) => m.Subject === subject),
    );
    expect(summary.To[0]?.Address).toBe("buyer@example.com");
    const message = await readMessage(env.infra.urls.MAILPIT_URL, summary.ID);
    expect(message.Text).toContain("The National");
    expect(message.HTML).toContain("<strong>The National</strong>");
  });
});
