import { DomainError } from "@tx/service-kit";
import { z } from "zod";

/** An opaque cursor: the last item's sort value and id, so the next page starts after it. */
const Cursor = z.object({
  v: z.union([z.string(), z.number()]),
  id: z.string().regex(/^[a-f0-9]{24}$/),
});
export type Cursor = z.infer<typeof Cursor>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new DomainError("INVALID", "This page link is not valid any more.", {
      fields: { cursor: "Invalid cursor." },
    });
  }
}
