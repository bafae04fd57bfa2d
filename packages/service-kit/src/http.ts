import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AnyRouter } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { clientAddressOf } from "@tx/api-contracts";
import type { Logger } from "./logger";
import { metrics, registry } from "./metrics";
import { defaultRequestLimits, type RequestLimits, refuseOverLimits } from "./request-limits";
import type { AuthUser, Context } from "./trpc";

export type ReadinessCheck = { name: string; check: () => Promise<void> };

/** A raw HTTP route beside tRPC; what it throws is answered with a 500 and logged. */
export type RawRoute = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

export type ServiceServerOptions = {
  service: string;
  router: AnyRouter;
  log: Logger;
  checks: ReadinessCheck[];
  /** Resolves the caller from the Authorization header; null when anonymous or invalid. */
  authenticate?: (authorization: string | undefined) => Promise<AuthUser | null>;
  /**
   * Extra raw routes (for example a webhook that needs the unparsed body). A key ending in
   * "/*" is mounted: it answers for its path and everything below it.
   */
  routes?: Record<string, RawRoute>;
  /** Proxies in front whose x-forwarded-for entries are believed (see clientAddressOf). */
  trustedProxies?: number;
  limits?: RequestLimits;
};

function mountedAt(
  routes: Record<string, RawRoute> | undefined,
  pathname: string,
): RawRoute | undefined {
  for (const [key, listener] of Object.entries(routes ?? {})) {
    if (!key.endsWith("/*")) continue;
    const base = key.slice(0, -2);
    if (pathname === base || pathname.startsWith(`${base}/`)) return listener;
  }
  return undefined;
}

export type CheckResult = { name: string; ok: boolean; latencyMs: number; error?: string };

export async function runChecks(
  checks: ReadinessCheck[],
  timeoutMs = 2_000,
): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async ({ name, check }) => {
      const started = performance.now();
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) =>
            setTimeout(
              () => reject(new Error(`timed out after ${timeoutMs} ms`)),
              timeoutMs,
            ).unref(),
          ),
        ]);
        return { name, ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (err) {
        return {
          name,
          ok: false,
          latencyMs: Math.round(performance.now() - started),
          error: err instanceof Error ? err.message : String(err),
        };
      }
    }),
  );
}

const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** One HTTP server per service: the tRPC router under /trpc, plus health, readiness and metrics. */
export function createServiceServer(opts: ServiceServerOptions): http.Server {
  const limits = opts.limits ?? defaultRequestLimits;
  const trustedProxies = opts.trustedProxies ?? 0;
  const trpc = createHTTPHandler({
    router: opts.router,
    basePath: "/trpc/",
    // A chunked body has no declared length to refuse up front: it is cut off as it is read.
    maxBodySize: limits.maxBodyBytes,
    maxBatchSize: limits.maxBatchProcedures,
    createContext: async ({ req }): Promise<Context> => {
      const requestId = requestIdOf(req);
      const user = opts.authenticate ? await opts.authenticate(req.headers.authorization) : null;
      return {
        user,
        requestId,
        clientIp: clientAddressOf({
          forwardedFor: req.headers["x-forwarded-for"],
          peer: req.socket.remoteAddress,
          trustedProxies,
        }),
        log: opts.log.child({ requestId, userId: user?.id }),
      };
    },
    // The one log line of an internal error, with the caller's request id (and user, when known).
    onError({ error, path, type, ctx, req }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      const log = ctx?.log ?? opts.log.child({ requestId: requestIdOf(req) });
      log.error({ err: error.cause ?? error, path, type }, "procedure failed");
    },
  });

  const serve = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const url = new URL(req.url ?? "/", "http://localhost");
    let route = url.pathname.startsWith("/trpc/") ? "/trpc" : url.pathname;
    res.on("finish", () => {
      const ms = performance.now() - started;
      metrics.httpDuration.observe({ route, status: String(res.statusCode) }, ms / 1000);
      // Probes and scrapes would drown the log; everything else is one line per request.
      if (!PROBES.has(url.pathname)) {
        opts.log.info(
          {
            requestId,
            method: req.method,
            path: url.pathname,
            status: res.statusCode,
            ms: Math.round(ms),
          },
          "request",
        );
      }
    });
    try {
      if (url.pathname === "/healthz") {
        return sendJson(res, 200, { ok: true, service: opts.service });
      }
      if (url.pathname === "/readyz") {
        const results = await runChecks(opts.checks);
        const ok = results.every((r) => r.ok);
        return sendJson(res, ok ? 200 : 503, { ok, service: opts.service, checks: results });
      }
      if (url.pathname === "/metrics") {
        res.writeHead(200, { "content-type": registry.contentType });
        return res.end(await registry.metrics());
      }
      const raw = opts.routes?.[url.pathname] ?? mountedAt(opts.routes, url.pathname);
      if (raw) return await raw(req, res);
      if (url.pathname.startsWith("/trpc/")) {
        if (refuseOverLimits(req, res, url, limits)) return;
        req.headers["x-request-id"] = requestId;
        return trpc(req, res);
      }
      route = "unknown";
      return sendJson(res, 404, { error: "not found" });
    } catch (err) {
      opts.log.error({ err, requestId, path: url.pathname }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    }
  };
  // serve answers and logs every error itself.
  const server = http.createServer((req, res) => void serve(req, res));
  answerClientErrors(server, opts.log);
  return server;
}

/**
 * Requests Node refuses before our code runs (headers too large, malformed) still get an
 * answer with a message, not a bare status line or a reset connection.
 */
function answerClientErrors(server: http.Server, log: Logger): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
    const body = JSON.stringify({
      error: { message: tooLarge ? "The request is too large." : "The request is malformed." },
    });
    log.info({ code: err.code }, "client error");
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
