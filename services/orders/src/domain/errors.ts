import { defineDomainErrors } from "@tx/service-kit";

/** What the orders service refuses with, beyond service-kit's common errors. */
export const orderErrors = defineDomainErrors({
  TICKET_JUST_RESERVED: {
    code: "CONFLICT",
    message: "This ticket was just reserved by someone else.",
  },
});
