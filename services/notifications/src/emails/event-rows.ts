import { formatDateTime } from "@tx/api-contracts";

/** The event an order is for, as every order email lists it. */
export type EventFacts = {
  title: string;
  eventDate: Date;
  /** The venue's zone: the time is shown by its clocks (absent on old orders: UTC). */
  timeZone?: string;
  venue: string;
  city: string;
  quantity: number;
};

export function eventRows(e: EventFacts): [string, string][] {
  return [
    ["Event", e.title],
    ["When", formatDateTime(e.eventDate, e.timeZone)],
    ["Where", `${e.venue}, ${e.city}`],
    ["Tickets", String(e.quantity)],
  ];
}

/** Just the event's facts, from anything that has them (an order replica). */
export function eventFacts(e: EventFacts): EventFacts {
  return {
    title: e.title,
    eventDate: e.eventDate,
    ...(e.timeZone ? { timeZone: e.timeZone } : {}),
    venue: e.venue,
    city: e.city,
    quantity: e.quantity,
  };
}
