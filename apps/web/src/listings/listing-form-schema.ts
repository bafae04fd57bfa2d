import {
  DeliveryMethod,
  deliveryFilesProblem,
  type Listing,
  ListingFields,
  ObjectIdString,
  type TicketFile,
} from "@tx/api-contracts";
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
  // The radio and the uploaded files' ids, as the contract's delivery.
  delivery: z
    .object({ method: DeliveryMethod, fileIds: z.array(ObjectIdString) })
    .transform((d) =>
      d.method === "download"
        ? { method: "download" as const, fileIds: d.fileIds }
        : { method: "transfer" as const },
    ),
})
  .superRefine((fields, ctx) => {
    const problem = deliveryFilesProblem(fields.delivery, fields.quantity);
    if (problem) ctx.addIssue({ code: "custom", path: ["delivery"], message: problem });
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
  delivery: { method: "transfer", fileIds: [] },
};

/** An existing listing as the edit form starts, with its files (the seller's view): its time as the venue's clocks read it. */
export function listingFormValues(listing: Listing, files: TicketFile[]): ListingFormValues {
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
    delivery: { method: listing.delivery.method, fileIds: files.map((f) => f.id) },
  };
}
