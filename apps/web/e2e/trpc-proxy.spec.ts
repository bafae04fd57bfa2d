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

test("the proxy answers a 1 MB body with 413 before forwarding it, and keeps serving", async ({
  request,
  baseURL,
}) => {
  // A procedure the browser may call, so that only the size refuses it.
  const res = await request.post("/api/trpc/payments/sandbox.confirm", {
    headers: { "content-type": "application/json", origin: new URL(baseURL ?? "").origin },
    data: JSON.stringify({ note: "x".repeat(1024 * 1024) }),
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error.message).toBe("The request body is too large (at most 64 KB).");
  expect((await request.get("/api/trpc/payments/system.health")).status()).toBe(200);
});

test("the proxy refuses a batch of 1,000 procedures without calling the service", async ({
  request,
}) => {
  const batch = Array.from({ length: 1_000 }, () => "system.health").join(",");
  const res = await request.get(`/api/trpc/tickets/${batch}?batch=1&input={}`);
  expect(res.status()).toBe(400);
  expect((await res.json()).error.message).toBe(
    "A batch may name at most 10 procedures (this one names 1000).",
  );
});

test("a tampered page link answers with a way back to the first page, not an error", async ({
  page,
}) => {
  const cursor = Buffer.from(JSON.stringify({ v: "not a date", id: "a".repeat(24) })).toString(
    "base64url",
  );
  const res = await page.goto(`/?after=${cursor}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByText("This page link no longer works")).toBeVisible();
  await page.getByRole("link", { name: "Start from the first page of these results" }).click();
  await expect(page).not.toHaveURL(/after=/);
});
