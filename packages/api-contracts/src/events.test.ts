import { describe, expect, it } from "vitest";
import { eventCatalog, parseEnvelope, SCHEMA_VERSION, subjects } from "./events";

const id = "65f1c0ffee0000000000abcd";
const envelope = (type: string, data: unknown) => ({
  id: "0b0f6a39-2f0e-4b8e-9d55-6f1f3a8e2c11",
  type,
  occurredAt: "2026-11-27T20:00:00.000Z",
  schemaVersion: SCHEMA_VERSION,
  data,
});

describe("event catalog", () => {
  it("covers every subject of the design", () => {
    expect(subjects.sort()).toEqual(
      [
        "delivery.confirmed",
        "delivery.disputed",
        "delivery.failed",
        "delivery.ready",
        "delivery.transfer_requested",
        "delivery.transferred",
        "expiration.completed",
        "ledger.credited",
        "ledger.paid_out",
        "ledger.released",
        "ledger.reversed",
        "order.cancelled",
        "order.completed",
        "order.created",
        "payment.refunded",
        "payment.succeeded",
        "ticket.created",
        "ticket.deleted",
        "ticket.reservation_rejected",
        "ticket.search.matched",
        "ticket.updated",
        "user.password_changed",
        "user.password_reset_requested",
        "user.registered",
        "user.registration_repeated",
        "user.registration_requested",
      ].sort(),
    );
  });

  it("parses a well-formed order.created envelope", () => {
    const parsed = parseEnvelope(
      "order.created",
      envelope("order.created", {
        id,
        version: 0,
        userId: id,
        status: "awaiting_payment",
        expiresAt: "2026-11-27T20:15:00.000Z",
        ticket: {
          id,
          version: 3,
          price: { amount: 4500, currency: "USD" },
          title: "The National",
          eventDate: "2027-01-01T20:00:00.000Z",
          venue: "Hall",
          city: "Leeds",
          quantity: 1,
        },
      }),
    );
    expect(parsed.data.ticket.price.amount).toBe(4500);
  });

  it("refuses an envelope whose type does not match the subject it came on", () => {
    expect(() =>
      parseEnvelope(
        "ticket.deleted",
        envelope("order.completed", { id, version: 1, ticket: { id } }),
      ),
    ).toThrow(/does not match/);
  });

  it("refuses money that is not integer minor units", () => {
    const data = {
      id,
      version: 0,
      title: "Show",
      price: { amount: 45.5, currency: "USD" },
      sellerId: id,
      eventDate: "2027-01-01T20:00:00.000Z",
      venue: "Hall",
    };
    expect(eventCatalog["ticket.created"].safeParse(data).success).toBe(false);
  });

  it("refuses ids that are not ObjectIds and operator objects in their place", () => {
    expect(eventCatalog["ticket.deleted"].safeParse({ id: "x", version: 1 }).success).toBe(false);
    expect(eventCatalog["ticket.deleted"].safeParse({ id: { $gt: "" }, version: 1 }).success).toBe(
      false,
    );
  });

  it("refuses an unknown schema version", () => {
    expect(() =>
      parseEnvelope("ticket.deleted", {
        ...envelope("ticket.deleted", { id, version: 1 }),
        schemaVersion: 2,
      }),
    ).toThrow();
  });
});
