"use server";

import {
  type Listing,
  ListingFields,
  type LiveListingState,
  ObjectIdString,
  type Order,
} from "@tx/api-contracts";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { withCallback } from "@/auth/callback-path";
import { getSession } from "@/auth/session";
import {
  type FormErrors,
  formErrorsFromService,
  formErrorsFromZod,
  UNAVAILABLE,
} from "@/forms/form-errors";
import { retryWhileUnknown } from "@/trpc/retry";
import { serverApi } from "@/trpc/server";
import { type ServiceError, serviceError } from "@/trpc/service-error";
import { type ListingField, listingFields } from "./listing-form-schema";

export type ListingErrors = FormErrors<ListingField>;

/** Lists tickets for sale and opens the new listing. Returns only when refused. */
export async function createListing(values: unknown): Promise<ListingErrors> {
  const fields = ListingFields.safeParse(values);
  if (!fields.success) return formErrorsFromZod(fields.error, listingFields);
  let listing: Listing;
  try {
    listing = await (await serverApi()).tickets.create.mutate(fields.data);
  } catch (err) {
    return formErrorsFromService(serviceError(err), listingFields);
  }
  revalidatePath("/my-listings");
  redirect(`/listings/${listing.id}`);
}

/** Saves the seller's changes and opens the listing. Returns only when refused. */
export async function updateListing(id: unknown, values: unknown): Promise<ListingErrors> {
  const listingId = ObjectIdString.safeParse(id);
  if (!listingId.success) return { formError: "This listing does not exist.", fieldErrors: {} };
  const fields = ListingFields.safeParse(values);
  if (!fields.success) return formErrorsFromZod(fields.error, listingFields);
  try {
    await (await serverApi()).tickets.update.mutate({ id: listingId.data, changes: fields.data });
  } catch (err) {
    return formErrorsFromService(withoutPrefix(serviceError(err), "changes."), listingFields);
  }
  revalidatePath("/my-listings");
  revalidatePath(`/listings/${listingId.data}`);
  redirect(`/listings/${listingId.data}`);
}

export type DeleteState = { message: string | null };

/** Deletes the listing and goes to the seller's listings. Returns only when refused. */
export async function deleteListing(id: unknown): Promise<DeleteState> {
  const listingId = ObjectIdString.safeParse(id);
  if (!listingId.success) return { message: "This listing does not exist." };
  try {
    await (await serverApi()).tickets.delete.mutate({ id: listingId.data });
  } catch (err) {
    return { message: serviceError(err)?.message ?? UNAVAILABLE };
  }
  revalidatePath("/my-listings");
  redirect("/my-listings");
}

export type PurchaseState = {
  message: string | null;
  /** The listing as it is now, re-read after a refusal: the page's panel and badge follow it. */
  listing?: LiveListingState;
};

/**
 * Holds the listing for the signed-in buyer and opens the checkout of the new order (a buyer
 * who holds it already is given their own order again). Of buyers pressing Purchase
 * together, the orders service lets one through; the others get its "just reserved by
 * someone else" answer here, with the listing as it is now. `shownTotal` is the total the
 * page showed: when the order's differs, the checkout says so.
 */
export async function purchaseListing(
  listingId: string,
  shownTotal: number,
  _previous: PurchaseState,
): Promise<PurchaseState> {
  const id = ObjectIdString.safeParse(listingId);
  if (!id.success) return { message: "This listing does not exist." };
  const back = withCallback("/signin", `/listings/${id.data}`);
  if (!(await getSession())) redirect(back);
  const api = await serverApi();
  let order: Order;
  try {
    order = await retryWhileUnknown(() => api.orders.create.mutate({ ticketId: id.data }));
  } catch (err) {
    const refusal = serviceError(err);
    if (refusal?.code === "UNAUTHORIZED") redirect(back);
    if (!refusal) return { message: UNAVAILABLE };
    const listing = await listingNow(id.data);
    if (listing?.status === "deleted")
      return { message: "The seller removed this listing.", listing };
    return { message: refusal.message, ...(listing ? { listing } : {}) };
  }
  const shown = z.number().int().nonnegative().safeParse(shownTotal);
  const changed = shown.success && shown.data !== order.total.amount;
  redirect(`/checkout/${order.id}${changed ? `?shown=${shown.data}` : ""}`);
}

/** The listing's state now, for a refused Purchase's page; null if tickets did not answer. */
async function listingNow(id: string): Promise<LiveListingState | null> {
  try {
    const listing = await (await serverApi()).tickets.get.query({ id });
    return {
      kind: "listing",
      id,
      version: listing.version,
      status: listing.status,
      price: listing.price,
      total: listing.total,
    };
  } catch (err) {
    if (serviceError(err)?.code !== "NOT_FOUND") return null;
    // Deleted is final: no later state of the stream's can bring it back.
    return { kind: "listing", id, version: Number.MAX_SAFE_INTEGER, status: "deleted" };
  }
}

/** The update procedure nests the fields under `changes`; the form names them plainly. */
function withoutPrefix(refusal: ServiceError | null, prefix: string): ServiceError | null {
  if (!refusal) return null;
  const fieldErrors = Object.fromEntries(
    Object.entries(refusal.fieldErrors).map(([path, message]) => [
      path.startsWith(prefix) ? path.slice(prefix.length) : path,
      message,
    ]),
  );
  return { ...refusal, fieldErrors };
}
