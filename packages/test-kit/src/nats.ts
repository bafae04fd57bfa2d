import { randomUUID } from "node:crypto";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";

/**
 * Publishes a message as it is, bypassing the catalog (which refuses a bad event): how a
 * test puts a malformed message on the bus. Returns its stream sequence.
 */
export async function publishRaw(
  natsUrl: string,
  subject: string,
  payload: string,
): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const ack = await jetstream(nc).publish(subject, payload, { msgID: randomUUID() });
    return ack.seq;
  } finally {
    await nc.close();
  }
}
