import "server-only";
import { createTRPCClient, type HTTPHeaders } from "@trpc/client";
import { ServiceName } from "@tx/api-contracts";
import { serviceUrl } from "@/env";
import type { Gateway } from "./gateway";
import { serviceLink } from "./links";

/** A typed client that calls each service directly at its *_URL, with the given headers. */
export function createServiceClient(headers: () => HTTPHeaders | Promise<HTTPHeaders>) {
  return createTRPCClient<Gateway>({
    links: [
      serviceLink({
        url: (service) => `${serviceUrl(ServiceName.parse(service))}/trpc`,
        headers,
      }),
    ],
  });
}
