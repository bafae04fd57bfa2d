import { ObjectIdString } from "@tx/api-contracts";
import { cursorCodec } from "@tx/service-kit";
import { z } from "zod";

/** A listings page's cursor: the last item's sort value and id. */
const Cursor = z.object({
  v: z.union([z.string(), z.number()]),
  id: ObjectIdString,
});
export type Cursor = z.infer<typeof Cursor>;

export const { encode: encodeCursor, decode: decodeCursor } = cursorCodec(Cursor);
