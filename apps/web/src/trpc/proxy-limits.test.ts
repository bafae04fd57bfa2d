import { describe, expect, it } from "vitest";
import { batchTooLong, readBodyWithin } from "./proxy-limits";

const streamOf = (chunks: number, size: number) =>
  new ReadableStream<Uint8Array>({
    pull(controller) {
      if (chunks-- <= 0) controller.close();
      else controller.enqueue(new Uint8Array(size));
    },
  });

describe("proxy limits", () => {
  it("refuses a batch of more than ten procedures", () => {
    expect(batchTooLong(Array(10).fill("list").join(","))).toBeNull();
    expect(batchTooLong(Array(1_000).fill("list").join(","))).toBe(
      "A batch may name at most 10 procedures (this one names 1000).",
    );
  });

  it("refuses a body whose declared length is over the limit without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://x/", {
      method: "POST",
      body,
      headers: { "content-length": String(1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    expect(await readBodyWithin(request)).toBeNull();
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a body with no declared length once it passes the limit", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: streamOf(1_000, 1024),
      duplex: "half",
    } as RequestInit);
    expect(await readBodyWithin(request)).toBeNull();
  });

  it("passes a body within the limit through whole", async () => {
    const request = new Request("http://x/", { method: "POST", body: "x".repeat(1000) });
    expect((await readBodyWithin(request))?.byteLength).toBe(1000);
  });
});
