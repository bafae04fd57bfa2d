import { randomUUID } from "node:crypto";
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, type UserProfile } from "@tx/api-contracts";
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { SigningKeyModel } from "../models/signing-key";

type SigningKey = Awaited<ReturnType<typeof importJWK>>;
type KeyMaterial = { kid: string; privateKey: SigningKey; publicJwk: JWK };

let current: Promise<KeyMaterial> | undefined;

/** Loads the signing key, creating it once; concurrent replicas agree on the first one written. */
async function loadOrCreateKey(): Promise<KeyMaterial> {
  let record = await SigningKeyModel.findById("current").lean();
  if (!record) {
    const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
      crv: "Ed25519",
      extractable: true,
    });
    const kid = randomUUID();
    const publicJwk = {
      ...(await exportJWK(publicKey)),
      kid,
      alg: ACCESS_TOKEN_ALGORITHM,
      use: "sig",
    };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ACCESS_TOKEN_ALGORITHM };
    await SigningKeyModel.updateOne(
      { _id: "current" },
      {
        $setOnInsert: {
          kid,
          privateJwk: JSON.stringify(privateJwk),
          publicJwk: JSON.stringify(publicJwk),
          createdAt: new Date(),
        },
      },
      { upsert: true },
    );
    record = await SigningKeyModel.findById("current").lean();
    if (!record) throw new Error("signing key could not be stored");
  }
  const privateKey = await importJWK(JSON.parse(record.privateJwk), ACCESS_TOKEN_ALGORITHM);
  return { kid: record.kid, privateKey, publicJwk: JSON.parse(record.publicJwk) as JWK };
}

function key(): Promise<KeyMaterial> {
  current ??= loadOrCreateKey().catch((err) => {
    current = undefined;
    throw err;
  });
  return current;
}

/** The public keys other services verify access tokens with. */
export async function jwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await key()).publicJwk] };
}

export async function signAccessToken(
  user: UserProfile,
  issuer: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const { kid, privateKey } = await key();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ email: user.email, name: user.name })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: "JWT" })
    .setSubject(user.id)
    .setIssuer(issuer)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(privateKey);
  return { token, expiresAt };
}
