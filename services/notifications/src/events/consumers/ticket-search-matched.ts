import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, type Logger, RetryLater } from "@tx/service-kit";
import { savedSearchMatchedEmail } from "../../emails/saved-search-matched";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { UserReplicaModel } from "../../models/user";

/** Issue 23: a saved search's grouped matches, emailed once per event to its owner. */
export async function onTicketSearchMatched(
  mailer: Mailer,
  event: Envelope<"ticket.search.matched">,
  log: Logger,
): Promise<void> {
  const { userId, searchName, listings, matched, unsubscribe } = event.data;
  const user = await UserReplicaModel.findById(userId).lean();
  if (!user) throw new RetryLater(`user ${userId} not replicated yet`);
  const web = mailer.webBaseUrl;
  const render = () =>
    savedSearchMatchedEmail({
      name: user.name,
      searchName,
      listings,
      matched,
      listingUrl: (id) => `${web}/listings/${encodeURIComponent(id)}`,
      searchesUrl: `${web}/saved-searches`,
      unsubscribeUrl: `${web}/saved-searches/unsubscribe?token=${encodeURIComponent(unsubscribe)}`,
    });
  await deliverOnce(
    mailer.transport,
    { eventId: event.id, kind: "saved-search-matched", to: user.email, render },
    log,
  );
}

export const ticketSearchMatchedConsumer = (
  mailer: Mailer,
): ConsumerOptions<"ticket.search.matched"> => ({
  subject: "ticket.search.matched",
  handle: (event, log) => onTicketSearchMatched(mailer, event, log),
});
