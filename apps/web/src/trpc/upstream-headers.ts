export type UpstreamIdentity = {
  requestId: string;
  /** The browser's address, which the services throttle by. */
  clientAddress: string | null;
  /** The signed-in user's access token; the services verify it themselves. */
  accessToken: string | null;
};

/** What every call from this server to a service carries about the browser's request. */
export function upstreamHeaders({
  requestId,
  clientAddress,
  accessToken,
}: UpstreamIdentity): Record<string, string> {
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (clientAddress) headers["x-forwarded-for"] = clientAddress;
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  return headers;
}
