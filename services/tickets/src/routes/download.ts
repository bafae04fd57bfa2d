import { pipeline } from "node:stream/promises";
import { ObjectIdString } from "@tx/api-contracts";
import type { Authenticate, Logger, RawRoute } from "@tx/service-kit";
import { recordDownload } from "../delivery/record-download";
import { mayReadFiles } from "../domain/delivery";
import { openTicketFile } from "../files/store";
import { TicketModel } from "../models/ticket";
import { answer, notFound } from "./respond";

/**
 * GET /delivery/files/download?ticketId=&fileId=: one of a listing's e-ticket files, as an
 * attachment that no cache keeps. Its seller may fetch it at any time, its buyer once the
 * order is complete; to anyone else, signed in or not, it does not exist (404).
 */
export function downloadRoute(authenticate: Authenticate, log: Logger): RawRoute {
  return async (req, res) => {
    if (req.method !== "GET") return answer(res, 405, { error: "GET only." });
    const url = new URL(req.url ?? "/", "http://localhost");
    const ticketId = ObjectIdString.safeParse(url.searchParams.get("ticketId"));
    const fileId = ObjectIdString.safeParse(url.searchParams.get("fileId"));
    if (!ticketId.success || !fileId.success) return notFound(res);
    const user = await authenticate(req.headers.authorization);
    const ticket = await TicketModel.findOne(
      { _id: ticketId.data, deletedAt: null },
      { outbox: 0, searchTerms: 0 },
    ).lean();
    const file = ticket?.delivery?.files.find((f) => f._id.toString() === fileId.data);
    const reader = ticket ? mayReadFiles(ticket, user?.id) : null;
    if (!ticket || !file || !reader) return notFound(res);

    res.writeHead(200, {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "content-disposition": attachment(file.name),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    try {
      await pipeline(openTicketFile(file._id), res);
    } catch (err) {
      // The buyer went away mid-download, or the store failed: not a download.
      log.warn({ err, ticketId: ticketId.data, fileId: fileId.data }, "download interrupted");
      return;
    }
    log.info({ ticketId: ticketId.data, fileId: fileId.data, reader }, "ticket file downloaded");
    if (reader === "buyer") await recordDownload(ticket, file._id.toString(), log);
  };
}

/** Content-Disposition for a name of any script: a plain fallback and the exact UTF-8 name. */
export function attachment(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
