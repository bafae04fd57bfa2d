import { SubjectFeed } from "@tx/service-kit";

/** The ticket events open pages follow (live availability), read by every replica itself. */
export const ticketFeed = new SubjectFeed("tickets", [
  "ticket.created",
  "ticket.updated",
  "ticket.deleted",
] as const);
