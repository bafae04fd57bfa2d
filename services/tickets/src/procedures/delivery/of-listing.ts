import type { ListingIdInput, MyListing } from "@tx/api-contracts";
import type { AuthedContext } from "@tx/service-kit";
import { buyerEmailOf, sellersListing } from "../../delivery/sale";
import { toMyListing } from "../../domain/my-listing";

/** One of the seller's listings with its files (for the edit form) and its sale's delivery. */
export async function deliveryOfListing(
  ctx: AuthedContext,
  input: ListingIdInput,
): Promise<MyListing> {
  const ticket = await sellersListing(input.id, ctx.user.id);
  return toMyListing(ticket, await buyerEmailOf(ticket));
}
