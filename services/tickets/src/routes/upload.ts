import { MAX_TICKET_FILE_BYTES, ObjectIdString } from "@tx/api-contracts";
import type { Authenticate, Logger, RawRoute } from "@tx/service-kit";
import { toTicketFile } from "../domain/delivery";
import { receiveFile, refusals, stagedCount } from "../files/store";
import { TicketModel } from "../models/ticket";
import { answer, notFound } from "./respond";

/** Files a seller may have uploaded that no listing has taken yet. */
export const MAX_STAGED_FILES = 30;

/**
 * POST /delivery/files/upload: one e-ticket file as the raw body (the web app streams the
 * browser's upload here), its name in `x-file-name` (URI-encoded). Signed-in users only;
 * with `?listingId=`, only that listing's seller and only while it is available. The file
 * is refused by its content (PDF, PNG, JPEG) and by its size (5 MB) as it streams in.
 * Answers 201 with the stored file, which the listing's create or update then takes.
 */
export function uploadRoute(authenticate: Authenticate, log: Logger): RawRoute {
  return async (req, res) => {
    if (req.method !== "POST") return answer(res, 405, { error: "POST only." });
    const user = await authenticate(req.headers.authorization);
    if (!user) return answer(res, 401, { error: "Please sign in first." });

    const url = new URL(req.url ?? "/", "http://localhost");
    const listingId = url.searchParams.get("listingId");
    if (listingId !== null) {
      const id = ObjectIdString.safeParse(listingId);
      const ticket = id.success
        ? await TicketModel.findOne(
            { _id: id.data, deletedAt: null },
            { sellerId: 1, status: 1 },
          ).lean()
        : null;
      if (!ticket || ticket.sellerId !== user.id) return notFound(res);
      if (ticket.status !== "available") {
        return answer(res, 409, {
          error: "This listing has a buyer: its files can no longer change.",
        });
      }
    }
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    if (declared > MAX_TICKET_FILE_BYTES) {
      return answer(res, 413, { error: refusals.tooLarge.error });
    }
    if ((await stagedCount(user.id)) >= MAX_STAGED_FILES) {
      return answer(res, 429, {
        error: "Too many files are waiting for a listing: save it, then upload more.",
      });
    }

    const received = await receiveFile(req, {
      ownerId: user.id,
      name: fileName(req.headers["x-file-name"]),
    });
    if (!received.ok) {
      log.info({ userId: user.id, status: received.status }, "ticket file refused");
      return answer(res, received.status, { error: received.error });
    }
    log.info(
      { userId: user.id, fileId: received.file._id.toString(), size: received.file.size },
      "ticket file stored",
    );
    return answer(res, 201, toTicketFile(received.file));
  };
}

function fileName(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
