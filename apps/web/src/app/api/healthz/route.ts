/** Liveness of the web server itself; the harness waits for it. Services are checked on /status. */
export function GET(): Response {
  return Response.json({ ok: true });
}
