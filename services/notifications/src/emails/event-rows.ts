import { formatDateTime } from "@tx/api-contracts";

/** The event an order is for, as every order email lists it. */
export type EventFacts = {
  title: string;
  eventDate: Date;
  venue: string;
  city: string;
  quantity: number;
};

export function eventRows(e: EventFacts): [string, string][] {
  return [
    ["Event", e.title],
    ["When", formatDateTime(e.eventDate)],
    ["Where", `${e.venue}, ${e.city}`],
    ["Tickets", String(e.quantity)],
  ];
}

/** Just the event's facts, from anything that has them (an order replica). */
export function eventFacts(e: EventFacts): EventFacts {
  return {
    title: e.title,
    eventDate: e.eventDate,
    venue: e.venue,
    city: e.city,
    quantity: e.quantity,
  };
}
