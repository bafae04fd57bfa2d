import { type Listing, ListingFields } from "@tx/api-contracts";
import { z } from "zod";
import { MajorUnitsInput, majorUnits } from "../forms/money";
import { VenueDateTimeInput, venueInputValue, venueInstant } from "../forms/venue-date-time";

const contract = ListingFields.shape;

/**
 * The sell and edit forms: the contract's ListingFields, with the fields a person types
 * differently (money in major units, the date and time as the venue's clocks read them,
 * the quantity from a select) converted first and then checked by the contract's own
 * rules. Its output is a ListingFields, which the server action parses again with the
 * same schema.
 */
export const ListingForm = ListingFields.extend({
  eventDate: VenueDateTimeInput,
  quantity: z.string().transform(Number).pipe(contract.quantity),
  pricePerTicket: MajorUnitsInput.pipe(contract.pricePerTicket),
  faceValuePerTicket: MajorUnitsInput.pipe(contract.faceValuePerTicket),
})
  .refine((v) => contract.eventDate.safeParse(venueInstant(v.eventDate, v.timeZone)).success, {
    message: "The event must be in the future.",
    path: ["eventDate"],
    // Beside the other fields' messages, once the date and the zone themselves are readable.
    when: ({ issues }) =>
      !issues.some((i) => i.path?.[0] === "eventDate" || i.path?.[0] === "timeZone"),
  })
  .transform((v) => ({ ...v, eventDate: venueInstant(v.eventDate, v.timeZone) }));
export type ListingFormValues = z.input<typeof ListingForm>;

/** The form's fields, by the names the contract (and so the service's errors) use. */
export const listingFields = ListingFields.keyof().options;
export type ListingField = (typeof listingFields)[number];

export const emptyListingForm: ListingFormValues = {
  eventName: "",
  venue: "",
  city: "",
  eventDate: "",
  // The browser's zone replaces it once the form runs there (listing-form.tsx).
  timeZone: "UTC",
  section: "",
  row: "",
  seats: "",
  quantity: "2",
  currency: "USD",
  pricePerTicket: "",
  faceValuePerTicket: "",
  note: "",
};

/** An existing listing as the edit form starts: its time as the venue's clocks read it. */
export function listingFormValues(listing: Listing): ListingFormValues {
  return {
    eventName: listing.eventName,
    venue: listing.venue,
    city: listing.city,
    eventDate: venueInputValue(listing.eventDate, listing.timeZone),
    timeZone: listing.timeZone,
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
