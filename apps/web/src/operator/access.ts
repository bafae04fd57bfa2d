import "server-only";
import type { AuthSession } from "@tx/api-contracts";
import { notFound } from "next/navigation";
import { currentAuthSession } from "@/auth/session";
import { isOperatorEmail } from "@/env";

/** The session, if its account is an operator's; null for everyone else. */
export async function operatorSession(): Promise<AuthSession | null> {
  const session = await currentAuthSession();
  return session && isOperatorEmail(session.user.email) ? session : null;
}

/**
 * For the operator's pages: to anyone else, signed in or not, they do not exist (404, the
 * page not found). The services check the same list again on every operator procedure.
 */
export async function requireOperator(): Promise<AuthSession> {
  const session = await operatorSession();
  if (!session) notFound();
  return session;
}
