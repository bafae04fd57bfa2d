import type http from "node:http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { MAX_BATCH_PROCEDURES, MAX_BODY_BYTES } from "@tx/api-contracts";

export type RequestLimits = { maxBodyBytes: number; maxBatchProcedures: number };

export const defaultRequestLimits: RequestLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  maxBatchProcedures: MAX_BATCH_PROCEDURES,
};

const kb = (bytes: number) => `${Math.floor(bytes / 1024)} KB`;

/**
 * Refuses, before a byte of the body is read, a request whose declared length is over the
 * limit (413), and a batch naming more procedures than allowed (400). A chunked body with
 * no declared length is cut off while it is read (tRPC's maxBodySize). Raw routes (the
 * payments webhook) keep limits of their own. Returns true when it answered.
 */
export function refuseOverLimits(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  limits: RequestLimits,
): boolean {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limits.maxBodyBytes) {
    // The connection is not reused: the rest of the body is never read.
    res.setHeader("connection", "close");
    sendTrpcError(
      res,
      "PAYLOAD_TOO_LARGE",
      413,
      `The request body is too large (at most ${kb(limits.maxBodyBytes)}).`,
    );
    return true;
  }
  if (url.pathname.startsWith("/trpc/") && url.searchParams.get("batch") === "1") {
    const procedures = url.pathname.slice("/trpc/".length).split(",").length;
    if (procedures > limits.maxBatchProcedures) {
      sendTrpcError(
        res,
        "BAD_REQUEST",
        400,
        `A batch may name at most ${limits.maxBatchProcedures} procedures (this one names ${procedures}).`,
      );
      return true;
    }
  }
  return false;
}

/** An error in tRPC's shape, so a tRPC client reports it like any refused call. */
function sendTrpcError(
  res: http.ServerResponse,
  code: keyof typeof TRPC_ERROR_CODES_BY_KEY,
  httpStatus: number,
  message: string,
): void {
  res.writeHead(httpStatus, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus } },
    }),
  );
}
