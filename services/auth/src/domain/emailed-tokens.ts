import {
  DomainError,
  emailLinkId,
  newEmailLinkId,
  outbox,
  type PendingEvent,
} from "@tx/service-kit";
import { env } from "../env";
import {
  type EmailedToken,
  EmailedTokenModel,
  type EmailedTokenPurpose,
} from "../models/emailed-token";

export const LINK_NOT_VALID = "This link has expired or was already used.";

const refused = () =>
  new DomainError("INVALID", LINK_NOT_VALID, { fields: { token: LINK_NOT_VALID } });

/**
 * Records a new single-use link and its email event (built from the link's id) in one
 * insert. The token itself (id + HMAC) is made again by notifications for the email.
 */
export async function issueEmailedToken(
  fields: Omit<EmailedToken, "_id" | "outbox" | "expiresAt" | "createdAt">,
  ttlSeconds: number,
  event: (linkId: string, expiresAt: Date) => PendingEvent,
): Promise<void> {
  const id = newEmailLinkId();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const doc = new EmailedTokenModel({ ...fields, _id: id, expiresAt });
  await outbox.save(doc, [event(id, expiresAt)]);
}

/** The link's record if the token is genuine, live and for `purpose`, without spending it. */
export async function findEmailedToken(
  token: string,
  purpose: EmailedTokenPurpose,
): Promise<EmailedToken> {
  const id = emailLinkId(env.EMAIL_LINK_SECRET, purpose, token);
  if (!id) throw refused();
  const found = await EmailedTokenModel.findById(id).lean();
  if (!found || found.purpose !== purpose || found.expiresAt.getTime() <= Date.now()) {
    throw refused();
  }
  return found;
}

/**
 * Spends the link: exactly one of any number of simultaneous callers deletes it and goes
 * on; the others are refused. Not while its email event is still unsent.
 */
export async function spendEmailedToken(record: EmailedToken): Promise<void> {
  const { deletedCount } = await EmailedTokenModel.deleteOne({
    _id: record._id,
    "outbox.0": { $exists: false },
  });
  if (deletedCount !== 1) throw refused();
}

/** After a reset or a change, any other reset link for the account stops working. */
export async function dropResetTokensOf(email: string): Promise<void> {
  await EmailedTokenModel.deleteMany({ email, purpose: "reset" });
}
