import { listMessages, readMessage, waitFor } from "@tx/test-kit";
import { useInfra } from "@tx/test-kit/vitest";
import { describe, expect, it } from "vitest";
import { createSmtpTransport } from "./transport";

const env = useInfra(["mail"]);

describe("SMTP transport to the local Mailpit", () => {
  it("delivers a message that can be read back through Mailpit's API", async () => {
    const smtp = createSmtpTransport(env.infra.urls.SMTP_HOST, Number(env.infra.urls.SMTP_PORT));
    await smtp.verify();
    const subject = `Your order is confirmed ${Date.now()}`;
    await smtp.sendMail({
      from: "Ticket Exchange <no-reply@ticket-exchange.local>",
      to: "buyer@example.com",
      subject,
      text: "Two tickets for The National, 14 March.",
      html: "<p>Two tickets for <strong>The National</strong>, 14 March.</p>",
    });
    smtp.close();
    const summary = await waitFor("the message in Mailpit", async () =>
      (await listMessages(env.infra.urls.MAILPIT_URL)).find((m) => m.Subject === subject),
    );
    expect(summary.To[0]?.Address).toBe("buyer@example.com");
    const message = await readMessage(env.infra.urls.MAILPIT_URL, summary.ID);
    expect(message.Text).toContain("The National");
    expect(message.HTML).toContain("<strong>The National</strong>");
  });
});
