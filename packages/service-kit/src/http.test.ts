import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createServiceServer } from "./http";
import { createLogger } from "./logger";
import { publicProcedure, router } from "./trpc";

const testRouter = router({
  echo: publicProcedure
    .input(z.object({ text: z.string() }))
    .output(z.object({ length: z.number(), from: z.string().nullable() }))
    .mutation(({ input, ctx }) => ({ length: input.text.length, from: ctx.clientIp })),
  ping: publicProcedure.output(z.literal("pong")).query(() => "pong" as const),
});

type Server = ReturnType<typeof createServiceServer>;
const servers: Server[] = [];

async function serve(trustedProxies = 0): Promise<string> {
  const server = createServiceServer({
    service: "test",
    router: testRouter,
    log: createLogger("test", "silent"),
    checks: [],
    trustedProxies,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let url: string;
beforeAll(async () => {
  url = await serve();
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
});

const echo = (base: string, body: string | ReadableStream, headers: Record<string, string> = {}) =>
  fetch(`${base}/trpc/echo`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    // A streamed body needs half-duplex in Node's fetch.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

describe("request limits", () => {
  it("answers a 1 MB body with 413 and a JSON message, and keeps serving", async () => {
    const res = await echo(url, JSON.stringify({ text: "x".repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.message).toBe("The request body is too large (at most 64 KB).");
    expect(body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    const next = await echo(url, JSON.stringify({ text: "hello" }));
    expect(next.status).toBe(200);
    expect(((await next.json()) as { result: { data: { length: number } } }).result.data).toEqual({
      length: 5,
      from: "127.0.0.1",
    });
  });

  it("cuts off a chunked body with no declared length once it passes the limit", async () => {
    const chunk = "x".repeat(16 * 1024);
    const parts = ['{"text":"', ...Array.from({ length: 64 }, () => chunk), '"}'];
    const stream = Readable.toWeb(Readable.from(parts)) as ReadableStream;
    const res = await echo(url, stream);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /too large/,
    );
  });

  it("refuses a batch of 1,000 procedures before running any of them", async () => {
    const paths = Array.from({ length: 1_000 }, () => "ping").join(",");
    const res = await fetch(`${url}/trpc/${paths}?batch=1&input={}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toBe(
      "A batch may name at most 10 procedures (this one names 1000).",
    );
    const ten = Array.from({ length: 10 }, () => "ping").join(",");
    expect((await fetch(`${url}/trpc/${ten}?batch=1&input={}`)).status).toBe(200);
  });
});

describe("the client's address", () => {
  it("ignores x-forwarded-for when no proxy is trusted", async () => {
    const res = await echo(url, JSON.stringify({ text: "" }), { "x-forwarded-for": "6.6.6.6" });
    expect(((await res.json()) as { result: { data: { from: string } } }).result.data.from).toBe(
      "127.0.0.1",
    );
  });

  it("takes the last entry behind one trusted proxy", async () => {
    const behindWeb = await serve(1);
    const res = await echo(behindWeb, JSON.stringify({ text: "" }), {
      "x-forwarded-for": "6.6.6.6, 203.0.113.9",
    });
    expect(((await res.json()) as { result: { data: { from: string } } }).result.data.from).toBe(
      "203.0.113.9",
    );
  });
});
