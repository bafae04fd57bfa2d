import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { markUnavailable, SERVICE_UNAVAILABLE_DIGEST } from "./unavailable";

const refusal = (code: string) =>
  TRPCClientError.from({ error: { message: code, code: -32000, data: { code } } });
const digestOf = (err: unknown) => (markUnavailable(err) as { digest?: string }).digest;

describe("markUnavailable", () => {
  it("marks a call that got no answer, or an answer that the service is unavailable", () => {
    expect(digestOf(TRPCClientError.from(new Error("fetch failed")))).toBe(
      SERVICE_UNAVAILABLE_DIGEST,
    );
    expect(digestOf(refusal("SERVICE_UNAVAILABLE"))).toBe(SERVICE_UNAVAILABLE_DIGEST);
  });

  it("leaves a refusal (and any other error) as it was", () => {
    expect(digestOf(refusal("CONFLICT"))).toBeUndefined();
    expect(digestOf(refusal("NOT_FOUND"))).toBeUndefined();
    expect(digestOf(new Error("a fault"))).toBeUndefined();
  });
});
