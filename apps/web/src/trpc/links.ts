import {
  type HTTPHeaders,
  httpBatchLink,
  httpSubscriptionLink,
  type OperationLink,
  TRPCClientError,
  type TRPCLink,
} from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { MAX_BATCH_PROCEDURES } from "@tx/api-contracts";
import type { Gateway } from "./gateway";

export type ServiceLinkOptions = {
  /** Where a service's procedures are served: `/api/trpc/tickets` in the browser, the service itself on the server. */
  url: (service: string) => string;
  headers?: () => HTTPHeaders | Promise<HTTPHeaders>;
};

/**
 * Ends the link chain: `tickets.list` goes to `url("tickets")` as procedure `list`.
 * Each service has its own batch link, so calls are batched per service; a subscription
 * (`tickets.live`) goes as server-sent events, which resume from the last event id.
 */
export function serviceLink(opts: ServiceLinkOptions): TRPCLink<Gateway> {
  return (runtime) => {
    const byService = new Map<string, OperationLink<Gateway>>();
    const linkFor = (service: string, subscription: boolean) => {
      const key = subscription ? `${service} events` : service;
      let link = byService.get(key);
      if (!link) {
        link = (
          subscription
            ? httpSubscriptionLink<Gateway, typeof EventSource>({ url: opts.url(service) })
            : httpBatchLink<Gateway>({
                url: opts.url(service),
                headers: opts.headers,
                // Long batched GETs are split rather than refused by proxies.
                maxURLLength: 2048,
                // No more per batch than the proxy and the services accept.
                maxItems: MAX_BATCH_PROCEDURES,
              })
        )(runtime);
        byService.set(key, link);
      }
      return link;
    };

    return ({ op, next }) => {
      const dot = op.path.indexOf(".");
      let link: OperationLink<Gateway>;
      try {
        if (dot <= 0) throw new Error(`"${op.path}" names no service`);
        link = linkFor(op.path.slice(0, dot), op.type === "subscription");
      } catch (cause) {
        // Reported through the call's promise instead of thrown into the link chain.
        return observable((observer) => {
          observer.error(
            TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause))),
          );
        });
      }
      return link({ op: { ...op, path: op.path.slice(dot + 1) }, next });
    };
  };
}
