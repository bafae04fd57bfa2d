import { type Listing, ListingFields } from "@tx/api-contracts";
import { z } from "zod";
import { MajorUnitsInput, majorUnits } from "../forms/money";
import { UtcDateTimeInput, utcInputValue } from "../forms/utc-date-time";

const contract = ListingFields.shape;

/**
 * The sell and edit forms: the contract's ListingFields, with the fields a person types
 * differently (money in major units, the date in a datetime-local input, the quantity
 * from a select) converted first and then checked by the contract's own rules. Its output
 * is a ListingFields, which the server action parses again with the same schema.
 */
export const ListingForm = ListingFields.extend({
  eventDate: UtcDateTimeInput.pipe(contract.eventDate),
  quantity: z.string().transform(Number).pipe(contract.quantity),
  pricePerTicket: MajorUnitsInput.pipe(contract.pricePerTicket),
  faceValuePerTicket: MajorUnitsInput.pipe(contract.faceValuePerTicket),
});
export type ListingFormValues = z.input<typeof ListingForm>;

/** The form's fields, by the names the contract (and so the service's errors) use. */
export const listingFields = ListingFields.keyof().options;
export type ListingField = (typeof listingFields)[number];

export const emptyListingForm: ListingFormValues = {
  eventName: "",
  venue: "",
  city: "",
  eventDate: "",
  section: "",
  row: "",
  seats: "",
  quantity: "2",
  currency: "USD",
  pricePerTicket: "",
  faceValuePerTicket: "",
  note: "",
};

/** An existing listing as the edit form starts. */
export function listingFormValues(listing: Listing): ListingFormValues {
  return {
    eventName: listing.eventName,
    venue: listing.venue,
    city: listing.city,
    eventDate: utcInputValue(listing.eventDate),
    section: listing.section ?? "",
    row: listing.row ?? "",
    seats: listing.seats ?? "",
    quantity: String(listing.quantity),
    currency: listing.price.currency,
    pricePerTicket: majorUnits(listing.price.amount),
    faceValuePerTicket: majorUnits(listing.faceValue.amount),
    note: listing.note ?? "",
  };
}
