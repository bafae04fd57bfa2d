import { once } from "node:events";
import type { Readable } from "node:stream";
import { MAX_TICKET_FILE_BYTES, type TicketFileType } from "@tx/api-contracts";
import mongoose from "mongoose";
import type { StoredTicketFile } from "../models/ticket";
import { SNIFF_BYTES, sniffTicketFileType, ticketFileName } from "./sniff";

/**
 * E-ticket files, in GridFS on the service's own connection (`ticketFiles.files` and
 * `ticketFiles.chunks` in tx_tickets; FerretDB 1.24 runs every GridFS operation we use
 * unchanged, see store.test.ts). A file's life, in its metadata.state:
 * - `staged`: uploaded by its owner, part of no listing yet;
 * - `claimed`: being attached to `listingId` (create/update): a crash here is resolved by
 *   the sweep, which attaches it if the listing names it and deletes it otherwise;
 * - `attached`: one of the listing's files;
 * - `released`: replaced, removed, or its listing deleted; deleted right after, or by the sweep.
 */
export type FileState = "staged" | "claimed" | "attached" | "released";
export type FileMetadata = {
  ownerId: string;
  contentType: TicketFileType;
  state: FileState;
  listingId?: string;
};
type FileDoc = {
  _id: mongoose.Types.ObjectId;
  length: number;
  filename: string;
  uploadDate: Date;
  metadata: FileMetadata;
};

const BUCKET = "ticketFiles";
let cached: { db: mongoose.mongo.Db; bucket: mongoose.mongo.GridFSBucket } | undefined;

/** One bucket per connection: it checks its indexes once, on the first upload. */
export function ticketFiles(): mongoose.mongo.GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database is not connected");
  if (cached?.db !== db)
    cached = { db, bucket: new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET }) };
  return cached.bucket;
}

const filesCollection = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error("database is not connected");
  return db.collection<FileDoc>(`${BUCKET}.files`);
};

export type Received =
  | { ok: true; file: StoredTicketFile }
  | { ok: false; status: 413 | 415 | 400; error: string };

export const refusals = {
  tooLarge: {
    ok: false,
    status: 413,
    error: `The file is larger than ${MAX_TICKET_FILE_BYTES / 1024 / 1024} MB.`,
  },
  wrongType: { ok: false, status: 415, error: "The file is not a PDF, PNG or JPEG." },
  empty: { ok: false, status: 400, error: "The file is empty." },
} as const satisfies Record<string, Received>;

/**
 * Stores an upload as it streams in: its type is told from its first bytes and the size is
 * counted chunk by chunk, so a wrong type or a file over the limit is refused (and what was
 * written of it removed) without ever holding more than a chunk in memory. The source is
 * read to its end even when refused, so that the client, still sending, gets the answer.
 */
export async function receiveFile(
  source: Readable,
  opts: { ownerId: string; name: string | undefined; maxBytes?: number; drainBytes?: number },
): Promise<Received> {
  const maxBytes = opts.maxBytes ?? MAX_TICKET_FILE_BYTES;
  const drainBytes = opts.drainBytes ?? 2 * maxBytes;
  const id = new mongoose.Types.ObjectId();
  let upload: mongoose.mongo.GridFSBucketWriteStream | undefined;
  let head = Buffer.alloc(0);
  let type: TicketFileType | null = null;
  let size = 0;
  let refused: Received | null = null;

  const start = (t: TicketFileType) => {
    upload = ticketFiles().openUploadStreamWithId(id, ticketFileName(opts.name, t), {
      metadata: { ownerId: opts.ownerId, contentType: t, state: "staged" } satisfies FileMetadata,
    });
    return upload;
  };
  const write = async (stream: mongoose.mongo.GridFSBucketWriteStream, chunk: Buffer) => {
    if (!stream.write(chunk)) await once(stream, "drain");
  };

  try {
    for await (const raw of source) {
      const chunk = raw as Buffer;
      size += chunk.length;
      if (refused) {
        // Reading on so the client hears the refusal; a sender that goes on and on is cut off.
        if (size > maxBytes + drainBytes) source.destroy();
        continue;
      }
      if (size > maxBytes) {
        refused = refusals.tooLarge;
        continue;
      }
      if (!type) {
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) continue;
        type = sniffTicketFileType(head);
        if (!type) {
          refused = refusals.wrongType;
          continue;
        }
        await write(start(type), head);
        continue;
      }
      if (upload) await write(upload, chunk);
    }
    if (!refused && !type) {
      // A file shorter than the longest signature: told (or refused) from what there is.
      type = size === 0 ? null : sniffTicketFileType(head);
      if (size === 0) refused = refusals.empty;
      else if (!type) refused = refusals.wrongType;
      else await write(start(type), head);
    }
  } catch (err) {
    await upload?.abort().catch(() => undefined);
    throw err;
  }
  if (refused || !upload || !type) {
    await upload?.abort().catch(() => undefined);
    return refused ?? refusals.wrongType;
  }
  const done = once(upload, "finish");
  upload.end();
  await done;
  return {
    ok: true,
    file: { _id: id, name: upload.filename, size, contentType: type },
  };
}

/** How many files an owner has uploaded that no listing took (yet). */
export function stagedCount(ownerId: string): Promise<number> {
  return filesCollection().countDocuments({
    "metadata.ownerId": ownerId,
    "metadata.state": "staged",
  });
}

/**
 * Claims the owner's files for a listing, in the order given. A file is claimable while
 * staged, or when it is already this listing's. Returns the files, or the ids it could not
 * claim (missing, someone else's, or another listing's).
 */
export async function claimFiles(
  ownerId: string,
  ids: string[],
  listingId: string,
): Promise<{ files: StoredTicketFile[]; missing: string[] }> {
  const files: StoredTicketFile[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const doc = await filesCollection().findOneAndUpdate(
      {
        _id: new mongoose.Types.ObjectId(id),
        "metadata.ownerId": ownerId,
        $or: [{ "metadata.state": "staged" }, { "metadata.listingId": listingId }],
      },
      { $set: { "metadata.state": "claimed", "metadata.listingId": listingId } },
      { returnDocument: "after" },
    );
    if (!doc) missing.push(id);
    else
      files.push({
        _id: doc._id,
        name: doc.filename,
        size: doc.length,
        contentType: doc.metadata.contentType,
      });
  }
  return { files, missing };
}

/** The listing now names these files: they are its own. */
export async function markAttached(ids: mongoose.Types.ObjectId[], listingId: string) {
  if (ids.length === 0) return;
  await filesCollection().updateMany(
    { _id: { $in: ids }, "metadata.listingId": listingId },
    { $set: { "metadata.state": "attached" } },
  );
}

/** Files no listing uses any more: marked, then deleted (the sweep finishes what a crash left). */
export async function releaseFiles(ids: mongoose.Types.ObjectId[]): Promise<void> {
  if (ids.length === 0) return;
  await filesCollection().updateMany(
    { _id: { $in: ids } },
    { $set: { "metadata.state": "released" } },
  );
  for (const id of ids) await deleteFile(id);
}

export async function deleteFile(id: mongoose.Types.ObjectId): Promise<void> {
  try {
    await ticketFiles().delete(id);
  } catch (err) {
    // Already gone (a repeat, another replica's sweep): nothing left to do.
    if (!(err instanceof mongoose.mongo.MongoRuntimeError && /not found/i.test(err.message)))
      throw err;
  }
}

/** Files not attached to any listing, uploaded before `before`: what the sweep looks at. */
export function filesNotAttached(before: Date, limit = 200) {
  return filesCollection()
    .find(
      { "metadata.state": { $in: ["staged", "claimed", "released"] }, uploadDate: { $lt: before } },
      { projection: { _id: 1, metadata: 1 } },
    )
    .limit(limit)
    .toArray();
}

/** A stored file's bytes, as a stream (the caller has checked who may read it). */
export function openTicketFile(id: mongoose.Types.ObjectId): Readable {
  return ticketFiles().openDownloadStream(id);
}
