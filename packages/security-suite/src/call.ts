import type { Stack, TrpcResult } from "@tx/test-kit";
import { trpcMutation, trpcQuery, trpcSubscriptionFirst } from "@tx/test-kit";
import type { Procedure } from "./procedures";

export function call(
  stack: Stack,
  p: Procedure,
  input: unknown,
  token?: string,
): Promise<TrpcResult<unknown>> {
  const url = stack.urls[p.service];
  if (p.type === "subscription") return trpcSubscriptionFirst(url, p.path, input, token);
  return p.type === "query"
    ? trpcQuery(url, p.path, input, token)
    : trpcMutation(url, p.path, input, token);
}
