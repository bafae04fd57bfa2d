import "server-only";
import { createTRPCClient } from "@trpc/client";
import { ServiceName } from "@tx/api-contracts";
import { headers } from "next/headers";
import { cache } from "react";
import { serviceUrl } from "@/env";
import type { Gateway } from "./gateway";
import { serviceLink } from "./links";
import { requestIdFrom } from "./request-id";

/**
 * The tRPC client for server components and route handlers: one per request, calling each
 * service directly at its *_URL and carrying the request's x-request-id.
 */
export const serverApi = cache(async () => {
  const requestId = requestIdFrom((await headers()).get("x-request-id"));
  return createTRPCClient<Gateway>({
    links: [
      serviceLink({
        url: (service) => `${serviceUrl(ServiceName.parse(service))}/trpc`,
        headers: () => ({ "x-request-id": requestId }),
      }),
    ],
  });
});
