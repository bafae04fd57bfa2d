import type { DeadLetter } from "@tx/api-contracts";
import { describe, expect, it } from "vitest";
import { groupDeadLetters, readablePayload } from "./dead-letter-groups";

const letter = (over: Partial<DeadLetter>): DeadLetter => ({
  seq: 1,
  service: "tickets",
  durable: "tickets__order_created",
  subject: "order.created",
  reason: "schema",
  error: "ZodError",
  failedAt: "2026-12-01T10:00:00.000Z",
  deliveryCount: 1,
  streamSeq: 7,
  msgId: "m1",
  payload: '{"a":1}',
  ...over,
});

describe("groupDeadLetters", () => {
  it("puts the copies of one message that several consumers failed together, newest first", () => {
    const groups = groupDeadLetters([
      letter({ seq: 1 }),
      letter({ seq: 2, service: "payments", durable: "payments__order_created" }),
      letter({ seq: 3, streamSeq: 9, msgId: "m2", failedAt: "2026-12-01T11:00:00.000Z" }),
    ]);
    expect(groups.map((g) => g.letters.map((l) => l.seq))).toEqual([[3], [1, 2]]);
  });

  it("lists a consumer once when its letter for one message was stored twice, settling both", () => {
    const [group] = groupDeadLetters([
      letter({ seq: 1 }),
      letter({ seq: 4, failedAt: "2026-12-01T10:00:01.000Z" }),
      letter({ seq: 5, service: "payments", durable: "payments__order_created" }),
    ]);
    expect(group?.letters.map((l) => l.seq)).toEqual([1, 4, 5]);
    expect(group?.consumers.map((l) => [l.service, l.seq])).toEqual([
      ["tickets", 1],
      ["payments", 5],
    ]);
  });

  it("shows a JSON payload indented and anything else as it came", () => {
    expect(readablePayload('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(readablePayload("not json")).toBe("not json");
  });
});
