import type { MyListing } from "@tx/api-contracts";
import type { Ticket } from "../models/ticket";
import { deliveryOf, toDelivery, toTicketFile } from "./delivery";
import { toListing } from "./listing";

/** A listing as its seller sees it: the public listing, its files, and its sale's delivery. */
export function toMyListing(t: Ticket, buyerEmail: string | undefined): MyListing {
  return {
    ...toListing(t),
    files: deliveryOf(t).files.map(toTicketFile),
    sale: toDelivery(t, buyerEmail),
  };
}
