import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, insertOnce, type Logger } from "@tx/service-kit";
import { welcomeEmail } from "../../emails/welcome";
import { deliverOnce, type Mailer } from "../../mail/deliver";
import { UserReplicaModel } from "../../models/user";

/** Keeps the buyer's address for later order emails, then welcomes them once. */
export async function onUserRegistered(
  mailer: Mailer,
  event: Envelope<"user.registered">,
  log: Logger,
): Promise<void> {
  const user = event.data;
  await insertOnce(() =>
    UserReplicaModel.create({ _id: user.id, email: user.email, name: user.name }),
  );
  await deliverOnce(
    mailer.transport,
    {
      eventId: event.id,
      kind: "welcome",
      to: user.email,
      render: () => welcomeEmail({ name: user.name, browseUrl: `${mailer.webBaseUrl}/` }),
    },
    log,
  );
}

export const userRegisteredConsumer = (mailer: Mailer): ConsumerOptions<"user.registered"> => ({
  subject: "user.registered",
  handle: (event, log) => onUserRegistered(mailer, event, log),
});
