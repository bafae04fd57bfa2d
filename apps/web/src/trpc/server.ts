import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { currentAuthSession } from "@/auth/session";
import { trustedProxies } from "@/env";
import { clientAddress } from "@/security/request";
import { requestIdFrom } from "./request-id";
import { createServiceClient } from "./service-client";
import { upstreamHeaders } from "./upstream-headers";

/**
 * The tRPC client for server components, server actions and route handlers: one per request,
 * calling each service directly at its *_URL as the signed-in user (if any), with the
 * request's x-request-id and the browser's address.
 */
export const serverApi = cache(async () => {
  const incoming = await headers();
  const requestId = requestIdFrom(incoming.get("x-request-id"));
  const address = clientAddress(incoming, trustedProxies());
  // Read per call: a server action that has just signed the user in calls as that user.
  return createServiceClient(async () =>
    upstreamHeaders({
      requestId,
      clientAddress: address,
      accessToken: (await currentAuthSession())?.accessToken ?? null,
    }),
  );
});
