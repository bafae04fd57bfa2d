import "server-only";
import { AuthSession, SignInInput } from "@tx/api-contracts";
import type { AuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";
import { onSiteUrl } from "./callback-path";
import { ensureFreshSession } from "./refresh";
import { revokeSession } from "./revoke";
import { sessionCookieConfig } from "./session";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./session-cookie";
import { publicSession } from "./session-token";
import { encodeSignInFailure, type SignInFailure } from "./sign-in-failure";

/** What authorize() hands to the jwt callback: the auth service's session, tokens and all. */
const AuthorizedUser = z.object({ authSession: AuthSession });

let options: AuthOptions | undefined;

/** next-auth's configuration; built on first use because it needs the runtime environment. */
export function authOptions(): AuthOptions {
  options ??= build();
  return options;
}

function build(): AuthOptions {
  const { secret, secure } = sessionCookieConfig();
  return {
    secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: sessionCookieName(secure), options: sessionCookieOptions(secure) },
    },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize,
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) return AuthorizedUser.parse(user).authSession;
        const outcome = await ensureFreshSession(AuthSession.parse(token), async (refreshToken) =>
          (await serverApi()).auth.refresh.mutate({ refreshToken }),
        );
        // Thrown, next-auth clears the cookie: the user is signed out.
        if (outcome.kind === "ended") throw new Error("The session has ended.");
        return outcome.session;
      },
      // The only view of the session that /api/auth/session shows the browser: no tokens.
      session({ session, token }) {
        return { expires: session.expires, ...publicSession(AuthSession.parse(token)) };
      },
      redirect: ({ url, baseUrl }) => onSiteUrl(url, baseUrl),
    },
    events: {
      async signOut({ token }) {
        const session = AuthSession.safeParse(token);
        if (session.success) await revokeSession(session.data);
      },
    },
  };
}

/** Signs in at the auth service; a refusal travels to the form as a code (sign-in-failure.ts). */
async function authorize(credentials: Record<string, string> | undefined) {
  const input = SignInInput.safeParse(credentials);
  if (!input.success) throw new Error(encodeSignInFailure({ kind: "credentials" }));
  let authSession: AuthSession;
  try {
    authSession = await (await serverApi()).auth.signIn.mutate(input.data);
  } catch (err) {
    throw new Error(encodeSignInFailure(failureOf(err)));
  }
  const { id, name, email } = authSession.user;
  // Not returned as a literal: next-auth's User has no authSession, and the jwt callback parses it.
  const user = { id, name, email, authSession };
  return user;
}

function failureOf(err: unknown): SignInFailure {
  const refusal = serviceError(err);
  if (refusal?.code === "TOO_MANY_REQUESTS") {
    return { kind: "throttled", retryAfterSeconds: refusal.retryAfterSeconds ?? 60 };
  }
  if (refusal?.code === "UNAUTHORIZED" || refusal?.code === "BAD_REQUEST") {
    return { kind: "credentials" };
  }
  return { kind: "unavailable" };
}
