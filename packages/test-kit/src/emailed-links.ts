import { createHmac } from "node:crypto";
import { DeliverPolicy, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { EVENTS_STREAM } from "@tx/api-contracts";

type LinkSubject = "user.registration_requested" | "user.password_reset_requested";

/**
 * The token of an emailed link, as notifications writes it into the email: the link's id
 * and its HMAC under EMAIL_LINK_SECRET. The same computation as service-kit's
 * emailLinkToken (test-kit depends on no service code); service-kit's test checks both agree.
 */
export function emailLinkTokenFor(
  secret: string,
  purpose: "confirm" | "reset",
  linkId: string,
): string {
  const mac = createHmac("sha256", secret).update(`${purpose}:${linkId}`).digest("base64url");
  return `${linkId}.${mac}`;
}

/**
 * Watches the event stream from now on for the link ids auth issues to these addresses,
 * read the way notifications reads them. For harness code that needs many confirmed
 * accounts without a mail round trip each; the journeys read real emails from Mailpit.
 */
export async function watchEmailedLinks(natsUrl: string, subject: LinkSubject) {
  const nc = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(nc);
  const from = (await jsm.streams.info(EVENTS_STREAM)).state.last_seq + 1;
  return {
    /** Waits until every address has its link id; returns them by address. */
    idsFor: async (emails: string[], timeoutMs = 30_000): Promise<Map<string, string>> => {
      const wanted = new Set(emails);
      const found = new Map<string, string>();
      const consumer = await jetstream(nc).consumers.get(EVENTS_STREAM, {
        filter_subjects: [subject],
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: from,
      });
      const messages = await consumer.consume();
      const timer = setTimeout(() => messages.stop(), timeoutMs);
      try {
        for await (const m of messages) {
          const { email, linkId } = m.json<{ data: { email: string; linkId: string } }>().data;
          if (wanted.has(email)) found.set(email, linkId);
          if (found.size === wanted.size) break;
        }
      } finally {
        clearTimeout(timer);
        await messages.close();
        // Gone at once, not after the server's five idle minutes: a test that waits for every
        // consumer to be drained must not wait for this one.
        await consumer.delete().catch(() => false);
      }
      const missing = emails.filter((e) => !found.has(e));
      if (missing.length > 0) throw new Error(`no ${subject} event for ${missing.join(", ")}`);
      return found;
    },
    close: () => nc.close(),
  };
}
