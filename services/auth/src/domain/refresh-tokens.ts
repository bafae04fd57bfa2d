import { createHash, randomBytes, randomUUID } from "node:crypto";
import { DomainError } from "@tx/service-kit";
import type mongoose from "mongoose";
import { RefreshTokenModel } from "../models/refresh-token";

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

export type IssuedRefreshToken = { token: string; expiresAt: Date };

/** A new opaque token (32 random bytes, base64url), stored only as its hash. */
export async function issueRefreshToken(
  userId: mongoose.Types.ObjectId,
  ttlSeconds: number,
  familyId: string = randomUUID(),
): Promise<IssuedRefreshToken> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await RefreshTokenModel.create({ tokenHash: sha256(token), familyId, userId, expiresAt });
  return { token, expiresAt };
}

/**
 * Spends a refresh token and issues its successor in the same family. The spend is one
 * conditional update, so two concurrent uses cannot both succeed. A spent token used
 * again after the grace window means it was copied: the whole family is revoked.
 */
export async function rotateRefreshToken(
  token: string,
  ttlSeconds: number,
  reuseGraceSeconds: number,
): Promise<{ userId: mongoose.Types.ObjectId; next: IssuedRefreshToken }> {
  const now = new Date();
  const tokenHash = sha256(token);
  const spent = await RefreshTokenModel.findOneAndUpdate(
    { tokenHash, usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
    { returnDocument: "after" },
  ).lean();
  if (spent) {
    const next = await issueRefreshToken(spent.userId, ttlSeconds, spent.familyId);
    return { userId: spent.userId, next };
  }
  const known = await RefreshTokenModel.findOne({ tokenHash }).lean();
  if (known?.usedAt && !known.revokedAt) {
    const sinceUse = now.getTime() - known.usedAt.getTime();
    if (sinceUse > reuseGraceSeconds * 1000) {
      await revokeFamily(known.familyId);
    }
  }
  throw new DomainError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
}

export async function revokeFamily(familyId: string): Promise<void> {
  await RefreshTokenModel.updateMany(
    { familyId, revokedAt: null },
    { $set: { revokedAt: new Date() } },
  );
}

/** Signing out ends the token's whole family (this browser's session). */
export async function revokeRefreshToken(token: string): Promise<void> {
  const known = await RefreshTokenModel.findOne({ tokenHash: sha256(token) }).lean();
  if (known) await revokeFamily(known.familyId);
}

/** Ends every session of the user (all families): after a password reset or change. */
export async function revokeAllSessionsOf(userId: mongoose.Types.ObjectId): Promise<void> {
  await RefreshTokenModel.updateMany(
    { userId, revokedAt: null },
    { $set: { revokedAt: new Date() } },
  );
}
