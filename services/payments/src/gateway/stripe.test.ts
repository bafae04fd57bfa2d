import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook, stripeGateway, verifyWebhook } from "./stripe";

type Seen = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: URLSearchParams;
};
const seen: Seen[] = [];
let port = 0;

const intent = {
  id: "pi_stub_1",
  object: "payment_intent",
  amount: 17_000,
  currency: "usd",
  client_secret: "pi_stub_1_secret_abc",
  status: "requires_payment_method",
  metadata: { orderId: "65f1c0ffee0000000000abcd" },
  last_payment_error: null,
  latest_charge: null,
};

// A stand-in for api.stripe.com that records what the SDK sends.
const stub = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => {
    raw += c;
  });
  req.on("end", () => {
    const url = new URL(req.url ?? "/", "http://stub");
    seen.push({
      method: req.method ?? "",
      path: url.pathname,
      headers: req.headers,
      body: new URLSearchParams(raw),
    });
    res.setHeader("content-type", "application/json");
    if (url.pathname === "/v1/refunds") {
      res.end(JSON.stringify({ id: "re_stub_1", object: "refund", status: "succeeded" }));
      return;
    }
    if (url.pathname === "/v1/payment_intents/pi_stub_1/cancel") {
      res.end(JSON.stringify({ ...intent, status: "canceled", cancellation_reason: null }));
      return;
    }
    if (url.pathname === "/v1/payment_intents/pi_paid/cancel") {
      // What Stripe answers for an intent that has already succeeded.
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          error: {
            type: "invalid_request_error",
            code: "payment_intent_unexpected_state",
            message: "You cannot cancel this PaymentIntent because it has a status of succeeded.",
          },
        }),
      );
      return;
    }
    if (url.pathname === "/v1/payment_intents/pi_paid") {
      res.end(JSON.stringify({ ...intent, id: "pi_paid", status: "succeeded" }));
      return;
    }
    if (url.pathname === "/v1/payment_intents/pi_stub_1") {
      res.end(
        JSON.stringify({
          ...intent,
          status: "succeeded",
          latest_charge: {
            id: "ch_1",
            object: "charge",
            billing_details: {
              name: "Ada Lovelace",
              address: {
                line1: "1 Main St",
                line2: null,
                city: "Springfield",
                state: "IL",
                postal_code: "62701",
                country: "US",
              },
            },
          },
        }),
      );
      return;
    }
    res.end(JSON.stringify(intent));
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => stub.listen(0, "127.0.0.1", () => r()));
  port = (stub.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => stub.close(() => r())));

const gateway = () =>
  stripeGateway({
    secretKey: "sk_test_stub_not_a_real_key",
    publishableKey: "pk_test_stub",
    host: "127.0.0.1",
    port,
    protocol: "http",
  });

describe("the Stripe adapter, against a local stub of the API", () => {
  it("creates a PaymentIntent with the amount, currency, order id and an idempotency key", async () => {
    const created = await gateway().createIntent({
      orderId: "65f1c0ffee0000000000abcd",
      amount: 17_000,
      currency: "USD",
      idempotencyKey: "order-65f1c0ffee0000000000abcd",
      description: "Ticket Exchange order",
    });
    const request = seen.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/payment_intents");
    expect(request?.headers["idempotency-key"]).toBe("order-65f1c0ffee0000000000abcd");
    expect(request?.headers.authorization).toBe("Bearer sk_test_stub_not_a_real_key");
    expect(request?.body.get("amount")).toBe("17000");
    expect(request?.body.get("currency")).toBe("usd");
    expect(request?.body.get("metadata[orderId]")).toBe("65f1c0ffee0000000000abcd");
    expect(request?.body.get("automatic_payment_methods[enabled]")).toBe("true");
    expect(created).toMatchObject({
      id: "pi_stub_1",
      clientSecret: "pi_stub_1_secret_abc",
      currency: "USD",
    });
  });

  it("retrieves an intent with its billing details", async () => {
    const got = await gateway().retrieveIntent("pi_stub_1");
    expect(seen.at(-1)?.path).toBe("/v1/payment_intents/pi_stub_1");
    expect(got).toMatchObject({
      status: "succeeded",
      billing: { name: "Ada Lovelace", postalCode: "62701" },
    });
  });

  it("cancels an intent that was not paid, so a late charge cannot happen", async () => {
    const canceled = await gateway().cancelIntent("pi_stub_1");
    const request = seen.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/payment_intents/pi_stub_1/cancel");
    expect(canceled.status).toBe("canceled");
  });

  it("reports an intent that was paid before the cancel as succeeded (to be settled and refunded)", async () => {
    const paid = await gateway().cancelIntent("pi_paid");
    expect(seen.at(-2)?.path).toBe("/v1/payment_intents/pi_paid/cancel");
    expect(seen.at(-1)?.path).toBe("/v1/payment_intents/pi_paid");
    expect(paid).toMatchObject({ id: "pi_paid", status: "succeeded" });
  });

  it("refunds through the Refund API with an idempotency key", async () => {
    const refund = await gateway().refund({
      intentId: "pi_stub_1",
      idempotencyKey: "refund-pi_stub_1",
      orderId: "o1",
    });
    const request = seen.at(-1);
    expect(request?.path).toBe("/v1/refunds");
    expect(request?.body.get("payment_intent")).toBe("pi_stub_1");
    expect(request?.headers["idempotency-key"]).toBe("refund-pi_stub_1");
    expect(refund.id).toBe("re_stub_1");
  });
});

describe("webhook signatures", () => {
  const secret = "whsec_test_secret";
  const payload = JSON.stringify({
    id: "evt_1",
    object: "event",
    type: "payment_intent.succeeded",
    data: { object: intent },
  });

  it("accepts what was signed with the secret, in Stripe's format", () => {
    expect(verifyWebhook(Buffer.from(payload), signWebhook(payload, secret), secret).id).toBe(
      "evt_1",
    );
  });

  it("refuses a changed body, a wrong secret and a missing header", () => {
    const header = signWebhook(payload, secret);
    expect(() =>
      verifyWebhook(Buffer.from(payload.replace("17000", "1")), header, secret),
    ).toThrow();
    expect(() => verifyWebhook(Buffer.from(payload), header, "whsec_other")).toThrow();
    expect(() => verifyWebhook(Buffer.from(payload), undefined, secret)).toThrow();
  });
});
