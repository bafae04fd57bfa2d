import { z } from "zod";
import { IsoDateTime, ObjectIdString } from "./common";
import {
  DeliveryConfirmedHow,
  DeliveryMethod,
  DeliveryProblem,
  DeliveryState,
  TransferReference,
} from "./events";

/** The e-ticket files a seller may upload: checked by their first bytes, not by their name. */
export const TicketFileType = z.enum(["application/pdf", "image/png", "image/jpeg"]);
export type TicketFileType = z.infer<typeof TicketFileType>;

/** The most one e-ticket file may weigh. */
export const MAX_TICKET_FILE_BYTES = 5 * 1024 * 1024;

/** What the sell and edit forms send: the method, and for a download one file per ticket. */
export const ListingDeliveryInput = z.discriminatedUnion("method", [
  z.object({ method: z.literal("transfer") }),
  z.object({
    method: z.literal("download"),
    fileIds: z.array(ObjectIdString).max(10, "At most 10 files."),
  }),
]);
export type ListingDeliveryInput = z.infer<typeof ListingDeliveryInput>;

/** Why a listing's files do not fit it, in the words the form shows, or null when they do. */
export function deliveryFilesProblem(
  delivery: ListingDeliveryInput,
  quantity: number,
): string | null {
  if (delivery.method !== "download") return null;
  const n = delivery.fileIds.length;
  if (new Set(delivery.fileIds).size !== n) return "Each file can be used for one ticket only.";
  if (n === quantity) return null;
  const want = quantity === 1 ? "one file" : `${quantity} files, one for each ticket`;
  return `Upload ${want} (${n === 0 ? "none yet" : `${n} so far`}).`;
}

/** What anyone may see of a listing's delivery: the method and how many files, never the files. */
export const ListingDeliverySummary = z.object({
  method: DeliveryMethod,
  files: z.number().int().nonnegative(),
});
export type ListingDeliverySummary = z.infer<typeof ListingDeliverySummary>;

/** An uploaded e-ticket file, as its seller (and after the sale its buyer) sees it. */
export const TicketFile = z.object({
  id: ObjectIdString,
  name: z.string(),
  size: z.number().int().nonnegative(),
  contentType: TicketFileType,
});
export type TicketFile = z.infer<typeof TicketFile>;

/** A sold listing's delivery, as its buyer and its seller see it. */
export const Delivery = z.object({
  ticketId: ObjectIdString,
  orderId: ObjectIdString,
  method: DeliveryMethod,
  state: DeliveryState,
  files: z.array(TicketFile.extend({ downloaded: z.boolean() })),
  /** A transfer's deadline: always before the event. */
  deadline: IsoDateTime.optional(),
  /** Where the seller transfers to: the buyer's account email, once tickets knows it. */
  buyerEmail: z.string().optional(),
  reference: z.string().optional(),
  transferredAt: IsoDateTime.optional(),
  confirmedAt: IsoDateTime.optional(),
  confirmedHow: DeliveryConfirmedHow.optional(),
  failedAt: IsoDateTime.optional(),
  disputedAt: IsoDateTime.optional(),
  problem: z.string().optional(),
});
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryOrderInput = z.object({ orderId: ObjectIdString });
export type DeliveryOrderInput = z.infer<typeof DeliveryOrderInput>;

export const ReportTransferInput = z.object({
  ticketId: ObjectIdString,
  reference: TransferReference,
});
export type ReportTransferInput = z.infer<typeof ReportTransferInput>;

export const ReportProblemInput = z.object({ orderId: ObjectIdString, problem: DeliveryProblem });
export type ReportProblemInput = z.infer<typeof ReportProblemInput>;

/** The upload route's refusal, shown beside the file field. */
export const UploadRefusal = z.object({ error: z.string() });
export type UploadRefusal = z.infer<typeof UploadRefusal>;
