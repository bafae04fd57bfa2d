import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startInfra } from "./infra";
import { freePort } from "./net";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

describe("startInfra", () => {
  it("does not take another process's listener on its port for its own server", async () => {
    // A port someone else holds: nats-server cannot bind it and exits, while the port answers.
    const port = await freePort();
    const squatter = await listen(port);
    cleanups.push(() => new Promise<void>((r) => squatter.close(() => r())));
    const dir = mkdtempSync(path.join(tmpdir(), "tx-infra-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    const started = startInfra({ dir, only: ["nats"], ports: { nats: port } });
    await expect(started).rejects.toThrow(/nats exited/);
  });

  it("starts on ports it picks, answering on them", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tx-infra-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const infra = await startInfra({ dir, only: ["nats", "redis"] });
    cleanups.push(() => infra.stop());
    expect(infra.urls.NATS_URL).toMatch(/^nats:\/\/127\.0\.0\.1:\d+$/);
    expect(infra.urls.REDIS_URL).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
  });
});
