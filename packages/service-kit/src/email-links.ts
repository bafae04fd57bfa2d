import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Tokens for emailed links (confirm a registration, reset a password), shared by auth,
 * which issues and checks them, and notifications, which writes them into the email.
 *
 * A link token is `<id>.<mac>`: a random id that auth stores, and an HMAC of it under
 * EMAIL_LINK_SECRET that only these two services can compute. Events carry only the id,
 * so the event stream (and any dead letter an operator reads) holds nothing a stranger
 * could reset a password with.
 */
export type EmailLinkPurpose = "confirm" | "reset";

export const emailLinkEnvShape = {
  /** Signs the links in emails; auth and notifications must share it. */
  EMAIL_LINK_SECRET: z
    .string({ error: "is not set" })
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
};

/** The id stored by auth and carried by the event: 16 random bytes, base64url. */
export const newEmailLinkId = () => randomBytes(16).toString("base64url");

const mac = (secret: string, purpose: EmailLinkPurpose, id: string) =>
  createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url");

/** The token that goes into the link. */
export function emailLinkToken(secret: string, purpose: EmailLinkPurpose, id: string): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The id a token stands for, if it was made with this secret for this purpose; else null. */
export function emailLinkId(
  secret: string,
  purpose: EmailLinkPurpose,
  token: string,
): string | null {
  const [id, given, extra] = token.split(".");
  if (!id || !given || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, purpose, id));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : null;
}
