import "server-only";
import { ObjectIdString } from "@tx/api-contracts";
import { notFound } from "next/navigation";
import { cache } from "react";
import { orNotFound } from "@/trpc/not-found";
import { serverApi } from "@/trpc/server";
import { type ListingSearch, listInput } from "./search";

/** The landing page's query: one page of available listings for the search in the address. */
export async function searchListings(search: ListingSearch) {
  return (await serverApi()).tickets.list.query(listInput(search));
}

/** A listing by the id in the address, once per request (the page and its metadata share it). */
export const getListing = cache(async (id: string) => {
  if (!ObjectIdString.safeParse(id).success) notFound();
  return orNotFound((await serverApi()).tickets.get.query({ id }));
});

/** One of the signed-in seller's listings, with its files and its sale's delivery. */
export const getOwnListing = cache(async (id: string) => {
  if (!ObjectIdString.safeParse(id).success) notFound();
  return orNotFound((await serverApi()).tickets.delivery.ofListing.query({ id }));
});

/**
 * The signed-in viewer's own order holding this listing, if it is theirs that holds it (the
 * listing page then leads them to their checkout). Unknown (null) when orders does not answer:
 * the listing page still shows.
 */
export async function getOwnHold(listingId: string): Promise<string | null> {
  try {
    const page = await (await serverApi()).orders.history.query({ ticketId: listingId, limit: 1 });
    const latest = page.items[0];
    return latest?.status === "awaiting_payment" ? latest.id : null;
  } catch {
    return null;
  }
}
