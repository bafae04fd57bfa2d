import { MAX_BATCH_PROCEDURES, MAX_BODY_BYTES } from "@tx/api-contracts";

/** How many procedures a proxied path names ("a,b" is a batch of two). */
export function proceduresIn(path: string): number {
  return path.split(",").length;
}

export function batchTooLong(path: string): string | null {
  const named = proceduresIn(path);
  return named > MAX_BATCH_PROCEDURES
    ? `A batch may name at most ${MAX_BATCH_PROCEDURES} procedures (this one names ${named}).`
    : null;
}

export const BODY_TOO_LARGE = `The request body is too large (at most ${MAX_BODY_BYTES / 1024} KB).`;

/**
 * The request's body, read only up to the limit: null as soon as the declared length or
 * the bytes received pass it, so a client cannot make this server hold a large body.
 */
export async function readBodyWithin(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
