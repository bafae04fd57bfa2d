import { freePort } from "@tx/test-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ResendStub, startResendStub } from "../testing/resend-stub";
import { createResendTransport } from "./resend";

let stub: ResendStub;
beforeAll(async () => {
  stub = await startResendStub();
});
afterAll(async () => stub.close());

const mail = {
  to: "buyer@example.com",
  subject: "Order confirmed: The National",
  html: "<p>Two tickets for <strong>The National</strong></p>",
  text: "Two tickets for The National",
};
const transport = () =>
  createResendTransport({
    kind: "resend",
    apiKey: "re_test_not_a_real_key",
    baseUrl: stub.baseUrl,
    from: "Ticket Exchange <no-reply@ticket-exchange.test>",
  });

describe("the Resend transport, against a local stub of the API", () => {
  it("posts the email with the delivery id as its Idempotency-Key", async () => {
    const before = stub.requests.length;
    const { providerId } = await transport().send(mail, "evt-1.order-confirmed");
    const request = stub.requests[before];
    expect(request).toMatchObject({ method: "POST", path: "/emails" });
    expect(request?.headers.authorization).toBe("Bearer re_test_not_a_real_key");
    expect(request?.headers["idempotency-key"]).toBe("evt-1.order-confirmed");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toMatchObject({
      from: "Ticket Exchange <no-reply@ticket-exchange.test>",
      to: "buyer@example.com",
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
    });
    expect(providerId).toBe(stub.sent.at(-1)?.id);
  });

  it("sends once when the same key is retried, as Resend does", async () => {
    const sentBefore = stub.sent.length;
    const first = await transport().send(mail, "evt-2.order-confirmed");
    const second = await transport().send(mail, "evt-2.order-confirmed");
    expect(second.providerId).toBe(first.providerId);
    expect(stub.sent.length - sentBefore).toBe(1);
  });

  it("throws an API error, naming it, so that the event is retried", async () => {
    stub.replyOnce(429, {
      statusCode: 429,
      name: "rate_limit_exceeded",
      message: "Too many requests",
    });
    await expect(transport().send(mail, "evt-3.welcome")).rejects.toThrow(
      /rate_limit_exceeded \(429\): Too many requests/,
    );
  });

  it("throws when the API cannot be reached", async () => {
    const unreachable = createResendTransport({
      kind: "resend",
      apiKey: "re_test_not_a_real_key",
      // A port nothing listens on.
      baseUrl: `http://127.0.0.1:${await freePort()}`,
      from: "Ticket Exchange <no-reply@ticket-exchange.test>",
    });
    await expect(unreachable.send(mail, "evt-4.welcome")).rejects.toThrow(/resend refused/);
  });
});
