import type { Envelope } from "@tx/api-contracts";
import { type ConsumerOptions, insertOnce } from "@tx/service-kit";
import { UserReplicaModel } from "../../models/user-replica";

/** Keeps each account's address, which a seller transfers tickets to. A repeat changes nothing. */
export async function onUserRegistered(event: Envelope<"user.registered">): Promise<void> {
  const user = event.data;
  await insertOnce(() =>
    UserReplicaModel.create({ _id: user.id, email: user.email, name: user.name }),
  );
}

export const userRegisteredConsumer: ConsumerOptions<"user.registered"> = {
  subject: "user.registered",
  handle: onUserRegistered,
};
