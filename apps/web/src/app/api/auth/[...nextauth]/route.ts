import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints: CSRF token, credentials sign-in, session, sign-out. */
function handler(req: NextRequest, context: Context): Promise<Response> {
  return NextAuth(req, context, authOptions());
}

export { handler as GET, handler as POST };
