import type { ConsumerOptions } from "@tx/service-kit";
import { fileMatches } from "./file";
import { isNewOrCheaper, matchingSearches } from "./match";

/** Saved searches hear of new listings (issue 23); redelivery files the same entry again. */
export const savedSearchCreatedConsumer: ConsumerOptions<"ticket.created"> = {
  subject: "ticket.created",
  handle: async (event, log) => {
    if (!isNewOrCheaper(event)) return;
    await fileMatches(event.data, await matchingSearches(event.data), log);
  },
};

/** ...and of listings whose seller lowered the price. */
export const savedSearchUpdatedConsumer: ConsumerOptions<"ticket.updated"> = {
  subject: "ticket.updated",
  handle: async (event, log) => {
    if (!isNewOrCheaper(event)) return;
    await fileMatches(event.data, await matchingSearches(event.data), log);
  },
};
