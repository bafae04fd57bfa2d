import type { MyListing } from "@tx/api-contracts";
import type { AuthedContext } from "@tx/service-kit";
import { toMyListing } from "../domain/my-listing";
import { type Ticket, TicketModel } from "../models/ticket";
import { UserReplicaModel } from "../models/user-replica";

/** The seller's listings in every status, newest first, with their files and deliveries. */
export async function myListings(ctx: AuthedContext): Promise<MyListing[]> {
  const docs = (await TicketModel.find({ sellerId: ctx.user.id, deletedAt: null })
    .sort({ createdAt: -1, _id: -1 })
    .limit(200)
    .select({ outbox: 0, searchTerms: 0 })
    .lean()) as Ticket[];
  const buyerIds = [
    ...new Set(docs.flatMap((t) => (t.delivery?.buyerId ? [t.delivery.buyerId] : []))),
  ];
  const buyers = buyerIds.length
    ? await UserReplicaModel.find({ _id: { $in: buyerIds } }).lean()
    : [];
  const emails = new Map(buyers.map((u) => [u._id, u.email]));
  return docs.map((t) => toMyListing(t, emails.get(t.delivery?.buyerId ?? "")));
}
