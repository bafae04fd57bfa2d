import { type TrackedEnvelope, tracked } from "@trpc/server";
import type { LiveListingsInput, LiveUpdate } from "@tx/api-contracts";
import type { FeedEvent, Logger } from "@tx/service-kit";
import { type Criteria, candidateOf, criteriaOf, matches } from "../domain/search-match";
import { ticketFeed } from "../live/feed";
import { TicketModel } from "../models/ticket";

type TicketEvent = FeedEvent<"ticket.created" | "ticket.updated" | "ticket.deleted">;

/** More than this many events waiting for a slow client: its stream ends, and it resumes. */
const MAX_QUEUED = 1_000;

/** What an event means to a page showing `ids` for the search `criteria`, if anything. */
export function updateFor(
  { envelope }: TicketEvent,
  ids: ReadonlySet<string>,
  criteria: Criteria | null,
): LiveUpdate | null {
  if (ids.has(envelope.data.id)) {
    if (envelope.type === "ticket.deleted") {
      return {
        kind: "listing",
        id: envelope.data.id,
        version: envelope.data.version,
        status: "deleted",
      };
    }
    const { id, version, status, price, total } = envelope.data;
    return { kind: "listing", id, version, status, price, total };
  }
  if (
    envelope.type === "ticket.created" &&
    criteria &&
    matches(criteria, candidateOf(envelope.data))
  ) {
    return { kind: "new", id: envelope.data.id, eventName: envelope.data.title };
  }
  return null;
}

/** The listings' state now, read after the stream position it is tagged with. */
async function snapshot(ids: readonly string[]): Promise<LiveUpdate[]> {
  const docs = await Promise.all(
    ids.map((id) =>
      TicketModel.findById(id, {
        status: 1,
        version: 1,
        pricePerTicket: 1,
        quantity: 1,
        currency: 1,
        deletedAt: 1,
      }).lean(),
    ),
  );
  return docs.flatMap((t): LiveUpdate[] => {
    if (!t) return [];
    const id = t._id.toString();
    if (t.deletedAt) return [{ kind: "listing", id, version: t.version, status: "deleted" }];
    const money = (amount: number) => ({ amount, currency: t.currency });
    return [
      {
        kind: "listing",
        id,
        version: t.version,
        status: t.status,
        price: money(t.pricePerTicket),
        total: money(t.pricePerTicket * t.quantity),
      },
    ];
  });
}

/**
 * An open page's live availability: the state of its listings and, for the landing page,
 * the new listings that match its search, each tagged with the stream sequence it is
 * current to. Connecting, it sends its listings' state as of now (what may have changed
 * since the page was rendered); reconnecting with `lastEventId`, it replays what was
 * missed from the stream instead. Events seen by the feed while either is read are held
 * back and sent after, so nothing is lost or sent out of order.
 */
export async function* liveListings(
  input: LiveListingsInput,
  signal: AbortSignal | undefined,
  log: Logger,
): AsyncGenerator<TrackedEnvelope<LiveUpdate>> {
  const ids = new Set(input.ids);
  const criteria = input.search ? criteriaOf(input.search) : null;
  const queue: TrackedEnvelope<LiveUpdate>[] = [];
  const early: TicketEvent[] = [];
  let ready = false;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const send = (event: TicketEvent) => {
    const update = updateFor(event, ids, criteria);
    if (!update) return;
    if (queue.length >= MAX_QUEUED) ended = true;
    else queue.push(tracked(String(event.seq), update));
    notify();
  };
  const { position, stop } = await ticketFeed.listen({
    onEvent: (event) => (ready ? send(event) : early.push(event)),
    onClose: () => {
      ended = true;
      notify();
    },
  });
  const onAbort = () => notify();
  signal?.addEventListener("abort", onAbort);
  try {
    const after = input.lastEventId ? Number(input.lastEventId) : null;
    const replayed = after === null ? null : await ticketFeed.replay(after, position, send);
    if (replayed !== "done") {
      if (replayed)
        log.info({ after, position, replayed }, "live stream restarts from the current state");
      for (const update of await snapshot([...ids])) queue.push(tracked(String(position), update));
    }
    for (const event of early) if (event.seq > position) send(event);
    early.length = 0;
    ready = true;
    while (!signal?.aborted) {
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    stop();
  }
}
