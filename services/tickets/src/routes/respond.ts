import type http from "node:http";

/**
 * A raw route's JSON answer. Sent before a body is read, Node discards the rest of the
 * body as it arrives, so a client still sending hears the answer (within the server's
 * request timeout).
 */
export function answer(res: http.ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export const notFound = (res: http.ServerResponse) => answer(res, 404, { error: "Not found." });
