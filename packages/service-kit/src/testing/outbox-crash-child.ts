/**
 * Child process for the outbox crash test. Mode "crash": saves a document with its
 * event through the real outbox, and reports "written" at the moment the relay starts
 * publishing, where the parent SIGKILLs it. Mode "restart": starts the outbox like a
 * service does at start-up, which must relay the leftover exactly once.
 */
import { EventBus } from "../bus";
import { connectDatabase, disconnectDatabase } from "../db";
import { createLogger } from "../logger";
import { outbox, pendingEvent } from "../outbox";
import { AccountModel as Account } from "./account-model";

const [mode, mongoUrl, natsUrl, userId] = process.argv.slice(2);
if (!mode || !mongoUrl || !natsUrl || !userId)
  throw new Error("usage: mode mongoUrl natsUrl userId");

const log = createLogger("outbox-child", "silent");
await connectDatabase(mongoUrl, "tx_kit_outbox_test");
const bus = await EventBus.connect({ servers: natsUrl, service: "outboxchild", log });
outbox.attach(bus, log).register(Account);

if (mode === "crash") {
  // The write happens; the publish never completes because we die right here.
  bus.publish = async () => {
    process.send?.("written");
    return new Promise(() => {});
  };
  const account = new Account({ _id: userId, email: `${userId}@example.com`, name: "Crash" });
  await outbox.save(account, [
    pendingEvent("user.registered", { id: userId, email: `${userId}@example.com`, name: "Crash" }),
  ]);
} else {
  await outbox.start({ retryMs: 60_000, backstopMs: 60_000 });
  process.send?.(`relayed ${await outbox.pendingCount()}`);
  await outbox.stop();
  await bus.close();
  await disconnectDatabase();
}
