import { createHmac, timingSafeEqual } from "node:crypto";

const signatureOf = (secret: string, searchId: string) =>
  createHmac("sha256", secret).update(`saved-search-unsubscribe:${searchId}`).digest("base64url");

/** The unsubscribe link's token for a saved search: its id and an HMAC of it, "<id>.<sig>". */
export function unsubscribeToken(secret: string, searchId: string): string {
  return `${searchId}.${signatureOf(secret, searchId)}`;
}

/** The saved search a token names, if its signature is ours; null for anything else. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const match = /^([a-f0-9]{24})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, searchId = "", signature = ""] = match;
  const expected = Buffer.from(signatureOf(secret, searchId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? searchId : null;
}
