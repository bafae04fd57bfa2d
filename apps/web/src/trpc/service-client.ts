import "server-only";
import { createTRPCClient, type HTTPHeaders, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { ServiceName } from "@tx/api-contracts";
import { serviceUrl } from "@/env";
import type { Gateway } from "./gateway";
import { serviceLink } from "./links";
import { markUnavailable } from "./unavailable";

/** A failed call whose service was not there to answer says so to the error page. */
const unavailableLink: TRPCLink<Gateway> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (err) => observer.error(markUnavailable(err) as typeof err),
        complete: () => observer.complete(),
      }),
    );

/** A typed client that calls each service directly at its *_URL, with the given headers. */
export function createServiceClient(headers: () => HTTPHeaders | Promise<HTTPHeaders>) {
  return createTRPCClient<Gateway>({
    links: [
      unavailableLink,
      serviceLink({
        url: (service) => `${serviceUrl(ServiceName.parse(service))}/trpc`,
        headers,
      }),
    ],
  });
}
