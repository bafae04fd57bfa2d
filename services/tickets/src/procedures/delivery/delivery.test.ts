import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { type CreateListingInput, type Envelope, EVENTS_STREAM } from "@tx/api-contracts";
import { buildEnvelope, createLogger } from "@tx/service-kit";
import { callerFor, connectServiceForTest, errorOf } from "@tx/service-kit/testing";
import { withInfra } from "@tx/test-kit/vitest";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliverySettings } from "../../domain/delivery";

const infra = withInfra(["mongo", "nats"]);
const log = createLogger("test", "silent");
let conn: Awaited<ReturnType<typeof connectServiceForTest>>;
type Modules = {
  router: typeof import("../../trpc/router")["ticketsRouter"];
  TicketModel: typeof import("../../models/ticket")["TicketModel"];
  receiveFile: typeof import("../../files/store")["receiveFile"];
  onOrderCreated: typeof import("../../events/consumers/order-created")["onOrderCreated"];
  orderCompletedConsumer: typeof import("../../events/consumers/order-finished")["orderCompletedConsumer"];
  onUserRegistered: typeof import("../../events/consumers/user-registered")["onUserRegistered"];
  sweepDeliveries: typeof import("../../delivery/sweep")["sweepDeliveries"];
  recordDownload: typeof import("../../delivery/record-download")["recordDownload"];
};
let m: Modules;
let caller: ReturnType<typeof callerFor<Modules["router"]>>;

const oid = () => randomBytes(12).toString("hex");
const person = (name: string) => ({
  id: oid(),
  name,
  email: `${name.toLowerCase()}-${oid().slice(0, 6)}@example.com`,
});
const seller = person("Sam");
const buyer = person("Bea");
const mallory = person("Mallory");
const as = (user: typeof seller | null) => caller(user);
const settings: DeliverySettings = {
  transferHours: 48,
  transferCutoffMinutes: 60,
  confirmAfterEventHours: 24,
};
const sweepSettings = { ...settings, unusedFileHours: 24 };
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);

beforeAll(async () => {
  Object.assign(process.env, infra.infra.urls, {
    PORT: "0",
    AUTH_JWKS_URL: "http://127.0.0.1:1/jwks",
    SAVED_SEARCH_SECRET: "test-secret-for-unsubscribe-links-0123456789",
  });
  conn = await connectServiceForTest("tickets", infra.infra.urls);
  m = {
    router: (await import("../../trpc/router")).ticketsRouter,
    TicketModel: (await import("../../models/ticket")).TicketModel,
    receiveFile: (await import("../../files/store")).receiveFile,
    onOrderCreated: (await import("../../events/consumers/order-created")).onOrderCreated,
    orderCompletedConsumer: (await import("../../events/consumers/order-finished"))
      .orderCompletedConsumer,
    onUserRegistered: (await import("../../events/consumers/user-registered")).onUserRegistered,
    sweepDeliveries: (await import("../../delivery/sweep")).sweepDeliveries,
    recordDownload: (await import("../../delivery/record-download")).recordDownload,
  };
  await m.TicketModel.init();
  caller = callerFor(m.router);
  await m.onUserRegistered(buildEnvelope("user.registered", buyer));
});
afterAll(async () => conn.close());

async function upload(owner = seller, name = "ticket.pdf") {
  const bytes = randomBytes(20_000);
  bytes.write("%PDF-1.7\n", 0, "latin1");
  const received = await m.receiveFile(Readable.from([bytes]), { ownerId: owner.id, name });
  if (!received.ok) throw new Error(received.error);
  return received.file._id.toString();
}

const fields = (over: Partial<CreateListingInput> = {}): CreateListingInput => ({
  eventName: "Big Thief",
  venue: "Brixton Academy",
  city: "London",
  eventDate: inDays(20).toISOString(),
  timeZone: "Europe/London",
  quantity: 2,
  currency: "GBP",
  pricePerTicket: 4_000,
  faceValuePerTicket: 4_000,
  ...over,
});

async function downloadListing(quantity = 2) {
  const fileIds = [];
  for (let i = 0; i < quantity; i++) fileIds.push(await upload(seller, `seat ${i + 1}.pdf`));
  return as(seller).create(fields({ quantity, delivery: { method: "download", fileIds } }));
}

/** The order events that sell a listing to `who`: created, then completed (each as often as asked). */
async function sell(ticketId: string, who = buyer, completions = 1) {
  const orderId = oid();
  // The order is made from the listing as it is now (tickets reserves only that version).
  const version = (await m.TicketModel.findById(ticketId).lean())?.version ?? 0;
  await m.onOrderCreated(
    buildEnvelope("order.created", {
      id: orderId,
      version: 0,
      userId: who.id,
      status: "awaiting_payment",
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
      ticket: {
        id: ticketId,
        version,
        price: { amount: 8_000, currency: "GBP" },
        title: "Big Thief",
        eventDate: inDays(20).toISOString(),
        venue: "Brixton Academy",
        city: "London",
        quantity: 2,
      },
    }),
    log,
  );
  const completed = buildEnvelope("order.completed", {
    id: orderId,
    version: 1,
    ticket: { id: ticketId },
  });
  for (let i = 0; i < completions; i++) {
    await m.orderCompletedConsumer(settings).handle(completed, log);
  }
  return orderId;
}

/** Every delivery event the stream holds about a listing, in order. */
async function deliveryEvents(ticketId: string): Promise<Envelope[]> {
  const consumer = await conn.bus.js.consumers.get(EVENTS_STREAM, {
    filter_subjects: ["delivery.>"],
  });
  const found: Envelope[] = [];
  for (;;) {
    const msg = await consumer.next({ expires: 1_000 });
    if (!msg) break;
    const e = msg.json<Envelope>();
    if ((e.data as { ticketId: string }).ticketId === ticketId) found.push(e);
    if (msg.info.pending === 0) break;
  }
  await consumer.delete().catch(() => undefined);
  return found;
}

const stored = (id: string) => m.TicketModel.findById(id).lean();
const fileExists = (id: string) =>
  mongoose.connection.db
    ?.collection("ticketFiles.files")
    .countDocuments({ _id: new mongoose.Types.ObjectId(id) });

describe("a listing's delivery, chosen by its seller", () => {
  it("takes one uploaded file per ticket; the public sees the method and the count only", async () => {
    const listing = await downloadListing(2);
    expect(listing.delivery).toEqual({ method: "download", files: 2 });
    const seen = await as(null).get({ id: listing.id });
    expect(seen.delivery).toEqual({ method: "download", files: 2 });
    expect(JSON.stringify(seen)).not.toMatch(/seat 1|fileId|ticket\.pdf/);
    const own = await as(seller).delivery.ofListing({ id: listing.id });
    expect(own.files.map((f) => f.name)).toEqual(["seat 1.pdf", "seat 2.pdf"]);
    expect(own.sale).toBeNull();
  });

  it("is a transfer when the seller names none, as listings were before", async () => {
    const listing = await as(seller).create(fields());
    expect(listing.delivery).toEqual({ method: "transfer", files: 0 });
  });

  it("refuses files that do not match the tickets, beside the delivery field", async () => {
    const one = await upload();
    const short = await errorOf(
      as(seller).create(fields({ quantity: 2, delivery: { method: "download", fileIds: [one] } })),
    );
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toBe("Upload 2 files, one for each ticket (1 so far).");
    const twice = await errorOf(
      as(seller).create(
        fields({ quantity: 2, delivery: { method: "download", fileIds: [one, one] } }),
      ),
    );
    expect(twice.message).toBe("Each file can be used for one ticket only.");
  });

  it("refuses someone else's file, and a file another listing took", async () => {
    const hers = await upload(mallory);
    const theft = await errorOf(
      as(seller).create(fields({ quantity: 1, delivery: { method: "download", fileIds: [hers] } })),
    );
    expect(theft.message).toBe("One of the files is no longer available: upload it again.");
    const listing = await downloadListing(1);
    const taken = (await as(seller).delivery.ofListing({ id: listing.id })).files[0]?.id ?? "";
    const again = await errorOf(
      as(seller).create(
        fields({ quantity: 1, delivery: { method: "download", fileIds: [taken] } }),
      ),
    );
    expect(again.code).toBe("BAD_REQUEST");
  });

  it("replaces a file while available: the old one is deleted", async () => {
    const listing = await downloadListing(2);
    const [first, second] = (await as(seller).delivery.ofListing({ id: listing.id })).files;
    const replacement = await upload(seller, "new seat.png.pdf");
    await as(seller).update({
      id: listing.id,
      changes: fields({
        quantity: 2,
        delivery: { method: "download", fileIds: [first?.id ?? "", replacement] },
      }),
    });
    const after = await as(seller).delivery.ofListing({ id: listing.id });
    expect(after.files.map((f) => f.id)).toEqual([first?.id, replacement]);
    expect(await fileExists(second?.id ?? "")).toBe(0);
    expect(await fileExists(first?.id ?? "")).toBe(1);
  });

  it("cannot change files once a buyer holds the listing", async () => {
    const listing = await downloadListing(1);
    await m.TicketModel.updateOne(
      { _id: listing.id },
      { $set: { status: "reserved", orderId: oid() } },
    );
    const refusal = await errorOf(
      as(seller).update({
        id: listing.id,
        changes: fields({
          quantity: 1,
          delivery: { method: "download", fileIds: [await upload()] },
        }),
      }),
    );
    expect(refusal.code).toBe("CONFLICT");
  });

  it("shows its files to its seller only", async () => {
    const listing = await downloadListing(1);
    for (const who of [mallory, buyer]) {
      expect((await errorOf(as(who).delivery.ofListing({ id: listing.id }))).code).toBe(
        "NOT_FOUND",
      );
    }
  });
});

describe("a download, after the sale", () => {
  it("is ready at once, announced once however often the completion arrives", async () => {
    const listing = await downloadListing(2);
    const orderId = await sell(listing.id, buyer, 3);
    const delivery = await as(buyer).delivery.forOrder({ orderId });
    expect(delivery).toMatchObject({ method: "download", state: "ready", orderId });
    expect(delivery?.files.map((f) => [f.name, f.downloaded])).toEqual([
      ["seat 1.pdf", false],
      ["seat 2.pdf", false],
    ]);
    const events = await deliveryEvents(listing.id);
    expect(events.map((e) => e.type)).toEqual(["delivery.ready"]);
    expect(events[0]?.data).toEqual({
      orderId,
      ticketId: listing.id,
      buyerId: buyer.id,
      sellerId: seller.id,
      price: { amount: 8_000, currency: "GBP" },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      files: 2,
    });
  });

  it("is the buyer's and the seller's to see, nobody else's", async () => {
    const listing = await downloadListing(1);
    const orderId = await sell(listing.id);
    expect(await as(seller).delivery.forOrder({ orderId })).toMatchObject({ state: "ready" });
    expect((await errorOf(as(mallory).delivery.forOrder({ orderId }))).code).toBe("NOT_FOUND");
    expect((await errorOf(as(null).delivery.forOrder({ orderId }))).code).toBe("UNAUTHORIZED");
  });

  it("is confirmed once the buyer has downloaded every file", async () => {
    const listing = await downloadListing(2);
    const orderId = await sell(listing.id);
    const ticket = await stored(listing.id);
    if (!ticket) throw new Error("no listing");
    const [a, b] = ticket.delivery?.files.map((f) => f._id.toString()) ?? [];
    await m.recordDownload(ticket, a ?? "", log);
    await m.recordDownload(ticket, a ?? "", log);
    expect((await as(buyer).delivery.forOrder({ orderId }))?.state).toBe("ready");
    await Promise.all([
      m.recordDownload(ticket, b ?? "", log),
      m.recordDownload(ticket, b ?? "", log),
    ]);
    expect(await as(buyer).delivery.forOrder({ orderId })).toMatchObject({
      state: "confirmed",
      confirmedHow: "downloaded",
    });
    const events = await deliveryEvents(listing.id);
    expect(events.map((e) => e.type)).toEqual(["delivery.ready", "delivery.confirmed"]);
    expect(events[1]?.data).toMatchObject({ how: "downloaded" });
  });
});

describe("a transfer, after the sale", () => {
  it("is requested of the seller, due 48 hours on and before the event, with the buyer's email", async () => {
    const listing = await as(seller).create(fields());
    const before = Date.now();
    const orderId = await sell(listing.id);
    const mine = (await as(seller).mine()).find((l) => l.id === listing.id);
    expect(mine?.sale).toMatchObject({
      state: "transfer_requested",
      orderId,
      buyerEmail: buyer.email,
    });
    const deadline = Date.parse(mine?.sale?.deadline ?? "");
    expect(deadline).toBeGreaterThanOrEqual(before + 48 * 3_600_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 48 * 3_600_000);
    const [event] = await deliveryEvents(listing.id);
    expect(event).toMatchObject({
      type: "delivery.transfer_requested",
      data: { orderId, deadline: mine?.sale?.deadline },
    });
  });

  it("is reported by the seller only, then confirmed by the buyer only, once", async () => {
    const listing = await as(seller).create(fields());
    const orderId = await sell(listing.id);
    const report = { ticketId: listing.id, reference: "AXS transfer 7731" };
    for (const who of [buyer, mallory]) {
      expect((await errorOf(as(who).delivery.reportTransfer(report))).code).toBe("NOT_FOUND");
    }
    expect((await errorOf(as(buyer).delivery.confirm({ orderId }))).message).toBe(
      "The seller has not reported the transfer yet.",
    );
    const reported = await as(seller).delivery.reportTransfer(report);
    expect(reported).toMatchObject({ state: "transferred", reference: "AXS transfer 7731" });
    expect((await errorOf(as(seller).delivery.reportTransfer(report))).message).toBe(
      "The seller has already reported the transfer.",
    );
    for (const who of [seller, mallory]) {
      expect((await errorOf(as(who).delivery.confirm({ orderId }))).code).toBe("NOT_FOUND");
    }
    const confirmed = await as(buyer).delivery.confirm({ orderId });
    expect(confirmed).toMatchObject({ state: "confirmed", confirmedHow: "buyer_confirmed" });
    expect(await as(buyer).delivery.confirm({ orderId })).toMatchObject({ state: "confirmed" });
    const events = await deliveryEvents(listing.id);
    expect(events.map((e) => e.type)).toEqual([
      "delivery.transfer_requested",
      "delivery.transferred",
      "delivery.confirmed",
    ]);
    expect(events[1]?.data).toMatchObject({ reference: "AXS transfer 7731" });
  });

  it("can be disputed by the buyer after it was reported", async () => {
    const listing = await as(seller).create(fields());
    const orderId = await sell(listing.id);
    await as(seller).delivery.reportTransfer({ ticketId: listing.id, reference: "Sent to app" });
    const disputed = await as(buyer).delivery.reportProblem({
      orderId,
      problem: "Nothing arrived in my Ticketmaster app.",
    });
    expect(disputed).toMatchObject({
      state: "disputed",
      problem: "Nothing arrived in my Ticketmaster app.",
    });
    expect((await errorOf(as(buyer).delivery.confirm({ orderId }))).code).toBe("CONFLICT");
    const events = await deliveryEvents(listing.id);
    // What payouts (issue 22) act on: whose sale, for how much, held since when.
    expect(events.find((e) => e.type === "delivery.disputed")?.data).toEqual({
      orderId,
      ticketId: listing.id,
      buyerId: buyer.id,
      sellerId: seller.id,
      price: { amount: 8_000, currency: "GBP" },
      at: (await stored(listing.id))?.delivery?.disputedAt?.toISOString(),
      problem: "Nothing arrived in my Ticketmaster app.",
    });
  });

  it("fails when the deadline passes unreported, once however many sweeps race, and can no longer be reported", async () => {
    const listing = await as(seller).create(fields());
    const orderId = await sell(listing.id);
    const deadline = (await stored(listing.id))?.delivery?.deadline ?? new Date();
    const after = new Date(deadline.getTime() + 1_000);
    // Before the deadline nothing happens.
    await m.sweepDeliveries(sweepSettings, log, new Date(deadline.getTime() - 1_000));
    expect((await stored(listing.id))?.delivery?.state).toBe("transfer_requested");
    // Three replicas sweep at once (earlier tests' transfers fail too: the events say which).
    await Promise.all([1, 2, 3].map(() => m.sweepDeliveries(sweepSettings, log, after)));
    expect(await as(buyer).delivery.forOrder({ orderId })).toMatchObject({ state: "failed" });
    const events = await deliveryEvents(listing.id);
    expect(events.map((e) => e.type)).toEqual(["delivery.transfer_requested", "delivery.failed"]);
    expect(events[1]?.data).toEqual({
      orderId,
      ticketId: listing.id,
      buyerId: buyer.id,
      sellerId: seller.id,
      price: { amount: 8_000, currency: "GBP" },
      at: after.toISOString(),
      reason: "not_transferred",
      deadline: deadline.toISOString(),
    });
    expect(
      (
        await errorOf(
          as(seller).delivery.reportTransfer({ ticketId: listing.id, reference: "late" }),
        )
      ).message,
    ).toBe("The transfer deadline has passed: the buyer was refunded.");
  });

  it("is confirmed by itself a day after the event if nobody disputed it", async () => {
    const listing = await as(seller).create(fields());
    const orderId = await sell(listing.id);
    await as(seller).delivery.reportTransfer({ ticketId: listing.id, reference: "Done" });
    const eventDate = (await stored(listing.id))?.eventDate ?? new Date();
    const dayAfter = new Date(eventDate.getTime() + 25 * 3_600_000);
    const swept = await m.sweepDeliveries(sweepSettings, log, dayAfter);
    expect(swept.confirmed).toBeGreaterThanOrEqual(1);
    expect(await as(buyer).delivery.forOrder({ orderId })).toMatchObject({
      state: "confirmed",
      confirmedHow: "no_dispute",
    });
    const confirmed = (await deliveryEvents(listing.id)).find(
      (e) => e.type === "delivery.confirmed",
    );
    expect(confirmed?.data).toEqual({
      orderId,
      ticketId: listing.id,
      buyerId: buyer.id,
      sellerId: seller.id,
      price: { amount: 8_000, currency: "GBP" },
      at: dayAfter.toISOString(),
      how: "no_dispute",
    });
  });
});

describe("files no listing took", () => {
  it("are deleted by the sweep once old enough; a crash's claimed-and-named file is kept", async () => {
    const stale = await upload();
    const listing = await downloadListing(1);
    const kept = (await stored(listing.id))?.delivery?.files[0]?._id;
    // As if the process died between the listing's write and marking its file attached.
    await mongoose.connection.db
      ?.collection("ticketFiles.files")
      .updateOne({ _id: kept }, { $set: { "metadata.state": "claimed" } });
    const later = new Date(Date.now() + 25 * 3_600_000);
    await m.sweepDeliveries(sweepSettings, log, later);
    expect(await fileExists(stale)).toBe(0);
    expect(
      await mongoose.connection.db?.collection("ticketFiles.files").findOne({ _id: kept }),
    ).toMatchObject({ metadata: { state: "attached" } });
  });
});
