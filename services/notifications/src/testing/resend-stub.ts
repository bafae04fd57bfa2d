import { randomUUID } from "node:crypto";
import http from "node:http";

export type StubRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
};

type Reply = { status: number; body: unknown };

/**
 * A local stand-in for the Resend API, on a free loopback port: it records every request
 * and, like Resend, answers a repeated Idempotency-Key with the first email's id without
 * sending again.
 */
export async function startResendStub() {
  const requests: StubRequest[] = [];
  const sent: { id: string; idempotencyKey?: string; body: Record<string, unknown> }[] = [];
  const byKey = new Map<string, string>();
  const replies: Reply[] = [];
  let delayMs = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    const answer = async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const reply = replies.shift() ?? accept(req.headers["idempotency-key"], body);
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.body));
    };
    req.on("end", () => void answer());
  });

  function accept(key: string | string[] | undefined, body: Record<string, unknown>): Reply {
    const idempotencyKey = typeof key === "string" ? key : undefined;
    const known = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    if (known) return { status: 200, body: { id: known } };
    const id = randomUUID();
    if (idempotencyKey) byKey.set(idempotencyKey, id);
    sent.push({ id, idempotencyKey, body });
    return { status: 200, body: { id } };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    /** Every request, in order of arrival. */
    requests,
    /** Emails the "provider" actually sent: one per idempotency key. */
    sent,
    /** The next request gets this answer instead of being accepted. */
    replyOnce: (status: number, body: unknown) => replies.push({ status, body }),
    /** Slows every answer down, to hold a send in flight. */
    setDelay: (ms: number) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type ResendStub = Awaited<ReturnType<typeof startResendStub>>;
