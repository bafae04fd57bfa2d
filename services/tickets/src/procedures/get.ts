import type { Listing, ListingIdInput } from "@tx/api-contracts";
import { DomainError } from "@tx/service-kit";
import { toListing } from "../domain/listing";
import { TicketModel } from "../models/ticket";

/** Any listing that was not deleted, in any status: a buyer's order page still shows a sold one. */
export async function getListing(input: ListingIdInput): Promise<Listing> {
  const ticket = await TicketModel.findOne({ _id: input.id, deletedAt: null }).lean();
  if (!ticket) throw new DomainError("NOT_FOUND", "This listing does not exist.");
  return toListing(ticket);
}
