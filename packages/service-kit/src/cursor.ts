import type { z } from "zod";
import { DomainError } from "./errors";

/**
 * An opaque page cursor: the last item's sort key as base64url JSON, checked by `schema`
 * when it comes back, so the next page starts right after it. One that does not decode
 * (an old or edited link) is an INVALID request.
 */
export function cursorCodec<S extends z.ZodType>(schema: S) {
  return {
    encode: (cursor: z.output<S>): string =>
      Buffer.from(JSON.stringify(cursor)).toString("base64url"),
    decode: (raw: string): z.output<S> => {
      try {
        return schema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
      } catch {
        throw new DomainError("INVALID", "This page link is not valid any more.", {
          fields: { cursor: "Invalid cursor." },
        });
      }
    },
  };
}
