import type { Stack, TrpcResult } from "@tx/test-kit";
import { trpcMutation, trpcQuery } from "@tx/test-kit";
import type { Procedure } from "./procedures";

export function call(
  stack: Stack,
  p: Procedure,
  input: unknown,
  token?: string,
): Promise<TrpcResult<unknown>> {
  const url = stack.urls[p.service];
  return p.type === "query"
    ? trpcQuery(url, p.path, input, token)
    : trpcMutation(url, p.path, input, token);
}
