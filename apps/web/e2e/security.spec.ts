import { expect, test } from "@playwright/test";
import { registered, sessionCookie } from "./accounts";

for (const path of ["/", "/signin"]) {
  test(`${path} is served with the security headers`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const headers = res.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toContain("camera=()");
  });
}

test("each response gets its own nonce, and Next puts it on its scripts", async ({ request }) => {
  const [a, b] = await Promise.all([request.get("/signin"), request.get("/signin")]);
  const nonceOf = (csp = "") => /'nonce-([^']+)'/.exec(csp)?.[1];
  const nonce = nonceOf(a.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonce).not.toBe(nonceOf(b.headers()["content-security-policy"]));
  const html = await a.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
});

test("pages hydrate under the policies, with nothing blocked or unrecognised", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.goto("/signin");
  // Client-side validation answers, so the form's script is running.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(
    "Enter a valid email address.",
  );
  await page.goto("/register");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/Enter your name\./);
  expect(violations).toEqual([]);
});

test("the session cookie is httpOnly and SameSite=Lax, and no token reaches the browser", async ({
  page,
  context,
}) => {
  const account = await registered(page);
  const cookie = await sessionCookie(context);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");

  // An access token is a JWS (three dot-separated parts starting "eyJ"); none may appear.
  const jws = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
  for (const path of ["/", "/account"]) {
    await page.goto(path);
    const html = await page.content();
    expect(html).not.toMatch(jws);
    expect(html).not.toContain(cookie?.value ?? "missing cookie");
  }
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toEqual({
    id: expect.any(String),
    email: account.email,
    name: account.name,
  });
  expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
});

test("the tRPC proxy calls services as the signed-in user", async ({ page }) => {
  const anonymous = await page.request.get("/api/trpc/tickets/system.whoami");
  expect(anonymous.status()).toBe(401);
  const account = await registered(page);
  const res = await page.request.get("/api/trpc/tickets/system.whoami");
  expect(res.status()).toBe(200);
  expect((await res.json()).result.data).toMatchObject({
    email: account.email,
    name: account.name,
  });
});

test("the tRPC proxy refuses a cross-origin POST, and lets the app's own through", async ({
  request,
  baseURL,
}) => {
  const body = { data: { json: null } };
  const crossSite = await request.post("/api/trpc/tickets/system.health", {
    headers: { origin: "https://evil.example" },
    data: body,
  });
  expect(crossSite.status()).toBe(403);
  const sameSite = await request.post("/api/trpc/tickets/system.health", {
    headers: { origin: new URL(baseURL ?? "").origin },
    data: body,
  });
  expect(sameSite.status()).not.toBe(403);
});

test("procedures that hand out tokens cannot be called through the proxy", async ({
  request,
  baseURL,
}) => {
  const res = await request.post("/api/trpc/auth/signIn", {
    headers: { origin: new URL(baseURL ?? "").origin },
    data: { email: "a@example.com", password: "whatever" },
  });
  expect(res.status()).toBe(404);
  const batched = await request.get("/api/trpc/auth/system.health,refresh?batch=1&input={}");
  expect(batched.status()).toBe(404);
});
