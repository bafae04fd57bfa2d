import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { MAX_TICKET_FILE_BYTES } from "@tx/api-contracts";
import { connectDatabase, disconnectDatabase } from "@tx/service-kit";
import { withInfra } from "@tx/test-kit/vitest";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimFiles,
  markAttached,
  openTicketFile,
  receiveFile,
  releaseFiles,
  stagedCount,
} from "./store";

// GridFS (the mongodb driver's GridFSBucket on mongoose's connection) against FerretDB 1.24.
const infra = withInfra(["mongo"]);
beforeAll(async () => {
  await connectDatabase(infra.infra.urls.MONGO_URL, "tx_tickets_files");
});
afterAll(async () => disconnectDatabase());

const oid = () => randomBytes(12).toString("hex");
const pdf = (size: number) => {
  const b = randomBytes(size);
  b.write("%PDF-1.7\n", 0, "latin1");
  return b;
};
/** A body as an HTTP request delivers it: in chunks of 64 KB. */
const body = (bytes: Buffer, chunk = 64 * 1024) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
      bytes.subarray(i * chunk, (i + 1) * chunk),
    ),
  );
async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
const chunksOf = (id: mongoose.Types.ObjectId) =>
  mongoose.connection.db?.collection("ticketFiles.chunks").countDocuments({ files_id: id });
const fileDoc = (id: mongoose.Types.ObjectId) =>
  mongoose.connection.db?.collection("ticketFiles.files").findOne({ _id: id });

describe("ticket files in GridFS on FerretDB", () => {
  it("stores a 3 MB PDF as it streams in and gives back the same bytes", async () => {
    const bytes = pdf(3 * 1024 * 1024 + 17);
    const owner = oid();
    const received = await receiveFile(body(bytes), { ownerId: owner, name: "Row F.pdf" });
    if (!received.ok) throw new Error(received.error);
    expect(received.file).toMatchObject({
      name: "Row F.pdf",
      size: bytes.length,
      contentType: "application/pdf",
    });
    expect((await readAll(openTicketFile(received.file._id))).equals(bytes)).toBe(true);
    expect(await fileDoc(received.file._id)).toMatchObject({
      length: bytes.length,
      metadata: { ownerId: owner, contentType: "application/pdf", state: "staged" },
    });
    expect(await stagedCount(owner)).toBe(1);
  });

  it("refuses a file over 5 MB while it streams, and keeps nothing of it", async () => {
    const before = await mongoose.connection.db?.collection("ticketFiles.chunks").countDocuments();
    const received = await receiveFile(body(pdf(6 * 1024 * 1024)), {
      ownerId: oid(),
      name: "big.pdf",
    });
    expect(received).toMatchObject({ ok: false, status: 413 });
    const after = await mongoose.connection.db?.collection("ticketFiles.chunks").countDocuments();
    expect(after).toBe(before);
  });

  it("accepts exactly 5 MB", async () => {
    const received = await receiveFile(body(pdf(MAX_TICKET_FILE_BYTES)), {
      ownerId: oid(),
      name: "max.pdf",
    });
    expect(received).toMatchObject({ ok: true, file: { size: MAX_TICKET_FILE_BYTES } });
  });

  it("refuses an executable named .pdf, by its content", async () => {
    const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), randomBytes(50_000)]);
    const received = await receiveFile(body(exe), { ownerId: oid(), name: "ticket.pdf" });
    expect(received).toMatchObject({ ok: false, status: 415 });
  });

  it("tells the type of a tiny file and refuses an empty one", async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    const tiny = await receiveFile(body(jpeg), { ownerId: oid(), name: "t" });
    expect(tiny).toMatchObject({ ok: true, file: { name: "t.jpg", contentType: "image/jpeg" } });
    const empty = await receiveFile(body(Buffer.alloc(0)), { ownerId: oid(), name: "e.pdf" });
    expect(empty).toMatchObject({ ok: false, status: 400 });
  });

  it("reads a sender that goes on after the refusal, up to a point, then cuts it off", async () => {
    let sent = 0;
    const endless = new Readable({
      read() {
        sent += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 0x41));
      },
    });
    const received = await receiveFile(endless, {
      ownerId: oid(),
      name: "x",
      maxBytes: 1024 * 1024,
      drainBytes: 1024 * 1024,
    }).catch(() => ({ ok: false, status: 0, error: "cut off" }));
    expect(received.ok).toBe(false);
    expect(sent).toBeLessThan(3 * 1024 * 1024);
  });

  it("claims a seller's staged files for one listing only, then attaches or releases them", async () => {
    const seller = oid();
    const upload = async () => {
      const r = await receiveFile(body(pdf(10_000)), { ownerId: seller, name: "t.pdf" });
      if (!r.ok) throw new Error(r.error);
      return r.file._id;
    };
    const [a, b] = [await upload(), await upload()];
    const listing = oid();
    const first = await claimFiles(seller, [a.toString(), b.toString()], listing);
    expect(first.missing).toEqual([]);
    expect(first.files.map((f) => f._id.toString())).toEqual([a.toString(), b.toString()]);
    // Another listing, or another seller, cannot take them.
    expect((await claimFiles(seller, [a.toString()], oid())).missing).toEqual([a.toString()]);
    expect((await claimFiles(oid(), [b.toString()], listing)).missing).toEqual([b.toString()]);
    // The same listing can (an edit that keeps its files).
    expect((await claimFiles(seller, [a.toString()], listing)).missing).toEqual([]);

    await markAttached([a, b], listing);
    expect((await fileDoc(a))?.metadata).toMatchObject({ state: "attached", listingId: listing });
    await releaseFiles([b]);
    expect(await fileDoc(b)).toBeNull();
    expect(await chunksOf(b)).toBe(0);
    await releaseFiles([b]); // a repeat finds nothing to do
  });
});
