import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { serviceNames } from "@tx/api-contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./paths";
import { type Stack, startStack } from "./stack";
import { withInfra } from "./vitest";

const env = withInfra();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    infra: env.infra.urls,
    logDir: path.join(env.infra.dir, "logs"),
    env: { LOG_LEVEL: "warn" },
  });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe("the six services as real processes", () => {
  it.each(serviceNames)("%s is ready, with its database and bus checked", async (name) => {
    const res = await fetch(`${stack.urls[name]}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { checks: { name: string; ok: boolean }[] };
    const checked = body.checks.map((c) => c.name);
    expect(checked).toEqual(expect.arrayContaining(["mongodb", "nats"]));
    if (name === "expiration") expect(checked).toContain("redis");
    if (name === "notifications") expect(checked).toContain("smtp");
    expect(body.checks.every((c) => c.ok)).toBe(true);
  });

  it.each(serviceNames)("%s answers system.health over tRPC", async (name) => {
    const res = await fetch(`${stack.urls[name]}/trpc/system.health`);
    const body = (await res.json()) as { result: { data: { service: string; ok: boolean } } };
    expect(body.result.data).toMatchObject({ service: name, ok: true });
  });

  it.each(serviceNames)("%s reports the version in its package.json", async (name) => {
    const pkg = JSON.parse(
      readFileSync(path.join(repoRoot, "services", name, "package.json"), "utf8"),
    ) as { version: string };
    const res = await fetch(`${stack.urls[name]}/trpc/system.health`);
    const body = (await res.json()) as { result: { data: { version: string } } };
    expect(body.result.data.version).toBe(pkg.version);
  });

  it("echoes the caller's request id and exposes Prometheus metrics", async () => {
    const res = await fetch(`${stack.urls.tickets}/trpc/system.health`, {
      headers: { "x-request-id": "test-request-123" },
    });
    expect(res.headers.get("x-request-id")).toBe("test-request-123");
    const metrics = await (await fetch(`${stack.urls.tickets}/metrics`)).text();
    expect(metrics).toContain("http_request_duration_seconds_bucket");
    expect(metrics).toContain("process_cpu_user_seconds_total");
  });

  it("answers an unknown procedure with a 404 and a message, not a crash", async () => {
    const res = await fetch(`${stack.urls.orders}/trpc/nope.nothing`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/No procedure found/);
  });

  it("kills a service for real (nothing answers on its port) and starts it again", async () => {
    await stack.kill("expiration");
    // A launcher that ran the service in a child would leave that child serving here.
    await expect(fetch(`${stack.urls.expiration}/healthz`)).rejects.toThrow();
    await stack.start("expiration");
    expect((await fetch(`${stack.urls.expiration}/readyz`)).status).toBe(200);
  });

  it("reports not ready when its database goes away, and recovers", async () => {
    await env.infra.kill("mongo");
    try {
      const res = await fetch(`${stack.urls.tickets}/readyz`);
      expect(res.status).toBe(503);
      expect(await fetch(`${stack.urls.tickets}/healthz`).then((r) => r.status)).toBe(200);
    } finally {
      await env.infra.start("mongo");
    }
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await fetch(`${stack.urls.tickets}/readyz`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  });
});

describe("configuration", () => {
  it("stops a service whose configuration is missing, naming the variable", () => {
    const result = spawnSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "services/tickets/src/main.ts"],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, NATS_URL: "nats://127.0.0.1:1" },
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/failed to start: Invalid or missing environment variables/);
    expect(result.stderr).toMatch(/MONGO_URL/);
  });
});
