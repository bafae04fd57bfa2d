import { type TrackedEnvelope, tracked } from "@trpc/server";
import { z } from "zod";

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] ===
  "function";

/**
 * The `.output()` of a subscription whose events are `tracked(id, item)`: each item is
 * parsed by `item` as it is sent (tRPC hands an output schema the whole iterable), so a
 * stream, like every other answer, sends nothing its schema did not accept.
 */
export function trackedStream<T extends z.ZodType>(item: T) {
  return z
    .custom<AsyncIterable<TrackedEnvelope<z.input<T>>>>(isAsyncIterable, "not a stream")
    .transform(async function* (events): AsyncGenerator<TrackedEnvelope<z.output<T>>> {
      for await (const [id, data] of events) yield tracked(id, item.parse(data) as z.output<T>);
    });
}
