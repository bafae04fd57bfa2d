import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { retryWhileUnknown } from "./retry";

const refusal = (code: string) =>
  TRPCClientError.from({ error: { message: code, code: -32000, data: { code } } });

describe("retryWhileUnknown", () => {
  it("calls again while the service does not know the thing yet, then answers", async () => {
    let calls = 0;
    const answer = await retryWhileUnknown(async () => {
      calls += 1;
      if (calls < 3) throw refusal("NOT_FOUND");
      return "found";
    });
    expect(answer).toBe("found");
    expect(calls).toBe(3);
  });

  it("throws any other refusal at once", async () => {
    let calls = 0;
    const call = retryWhileUnknown(async () => {
      calls += 1;
      throw refusal("CONFLICT");
    });
    await expect(call).rejects.toThrow("CONFLICT");
    expect(calls).toBe(1);
  });
});
