import { deliveryFilesProblem, type ListingFields } from "@tx/api-contracts";
import { DomainError } from "@tx/service-kit";
import type { StoredTicketFile, TicketDelivery } from "../models/ticket";
import { claimFiles } from "./store";

/**
 * The delivery a listing's fields ask for, with its files claimed for the listing: one
 * uploaded file of the seller's per ticket for a download, none for a transfer. Refused
 * beside the form's delivery field when the files do not fit.
 */
export async function deliveryForListing(
  sellerId: string,
  fields: ListingFields,
  listingId: string,
): Promise<TicketDelivery> {
  const refuse = (message: string) =>
    new DomainError("INVALID", message, { fields: { delivery: message } });
  const problem = deliveryFilesProblem(fields.delivery, fields.quantity);
  if (problem) throw refuse(problem);
  if (fields.delivery.method !== "download") return { method: "transfer", files: [] };
  const { files, missing } = await claimFiles(sellerId, fields.delivery.fileIds, listingId);
  if (missing.length > 0) {
    throw refuse(
      missing.length === 1
        ? "One of the files is no longer available: upload it again."
        : `${missing.length} of the files are no longer available: upload them again.`,
    );
  }
  return { method: "download", files };
}

/** The files a listing had that its new delivery no longer names. */
export function filesDropped(before: StoredTicketFile[] | undefined, after: StoredTicketFile[]) {
  const kept = new Set(after.map((f) => f._id.toString()));
  return (before ?? []).filter((f) => !kept.has(f._id.toString())).map((f) => f._id);
}
