import { defineDomainErrors } from "@tx/service-kit";

/** What the tickets service refuses with, beyond service-kit's common errors. */
export const ticketErrors = defineDomainErrors({
  TICKET_RESERVED: {
    code: "CONFLICT",
    message: "This listing is reserved by a buyer and cannot be changed.",
  },
  TICKET_SOLD: { code: "CONFLICT", message: "This listing is sold and cannot be changed." },
  DELIVERY_NOT_POSSIBLE: { code: "CONFLICT", message: "The delivery cannot change that way now." },
});
