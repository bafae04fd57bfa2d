import { expect, test } from "@playwright/test";

test("the proxy forwards a call to its service, keeping the request id", async ({ request }) => {
  const res = await request.get("/api/trpc/tickets/system.health", {
    headers: { "x-request-id": "e2e-proxy-1" },
  });
  expect(res.status()).toBe(200);
  expect(res.headers()["x-request-id"]).toBe("e2e-proxy-1");
  const body = await res.json();
  expect(body.result.data).toMatchObject({ service: "tickets", ok: true });
});

test("the proxy forwards batched calls", async ({ request }) => {
  const res = await request.get("/api/trpc/orders/system.health,system.health?batch=1&input={}");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toHaveLength(2);
  expect(body[1].result.data.service).toBe("orders");
});

test("the proxy gives out a request id when the caller sends none", async ({ request }) => {
  const res = await request.get("/api/trpc/auth/system.health");
  expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("the proxy refuses services it does not know", async ({ request }) => {
  const res = await request.get("/api/trpc/billing/system.health");
  expect(res.status()).toBe(404);
});

test("the proxy refuses a procedure its service did not declare browser-callable", async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? "").origin;
  for (const path of ["tickets/create", "orders/create", "payments/sync"]) {
    const res = await request.post(`/api/trpc/${path}`, { headers: { origin }, data: {} });
    expect(res.status(), path).toBe(404);
  }
  const history = await request.get("/api/trpc/orders/history?input={}");
  expect(history.status()).toBe(404);
  expect((await history.json()).error.message).toBe(
    "This procedure is not available from the browser.",
  );
});
