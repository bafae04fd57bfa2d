import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EVENTS_STREAM } from "@tx/api-contracts";
import { repoRoot, waitFor } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventBus } from "./bus";
import { connectDatabase, disconnectDatabase } from "./db";
import { createLogger } from "./logger";
import { outbox, pendingEvent } from "./outbox";
import { AccountModel as Account } from "./testing/account-model";

const env = withInfra(["mongo", "nats"]);
const log = createLogger("outbox-test", "silent");
let bus: EventBus;

const oid = () => randomBytes(12).toString("hex");

beforeAll(async () => {
  await connectDatabase(env.infra.urls.MONGO_URL, "tx_kit_outbox_test");
  bus = await EventBus.connect({ servers: env.infra.urls.NATS_URL, service: "outboxtest", log });
  outbox.attach(bus, log).register(Account);
});
afterAll(async () => {
  await outbox.stop();
  await bus.close();
  await disconnectDatabase();
});

/** Every user.registered envelope in the stream whose data id is `id`. */
async function publishedFor(id: string): Promise<number> {
  const info = await bus.jsm.streams.info(EVENTS_STREAM);
  let count = 0;
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const msg = await bus.jsm.streams.getMessage(EVENTS_STREAM, { seq }).catch(() => null);
    if (msg?.subject === "user.registered" && msg.json<{ data: { id: string } }>().data.id === id) {
      count++;
    }
  }
  return count;
}

function runChild(mode: "crash" | "restart", id: string) {
  const child = fork(
    path.join(path.dirname(fileURLToPath(import.meta.url)), "testing", "outbox-crash-child.ts"),
    [mode, env.infra.urls.MONGO_URL, env.infra.urls.NATS_URL, id],
    {
      execArgv: ["--import", "tsx"],
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const firstMessage = new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve(String(m)));
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before reporting`)));
  });
  return { child, firstMessage };
}

describe("outbox", () => {
  it("publishes a saved document's event and empties its outbox", async () => {
    const id = oid();
    const account = new Account({ _id: id, email: "a@example.com", name: "A" });
    await outbox.save(account, [
      pendingEvent("user.registered", { id, email: "a@example.com", name: "A" }),
    ]);
    expect(await publishedFor(id)).toBe(1);
    expect((await Account.findById(id).lean())?.outbox).toEqual([]);
  });

  it("keeps the event when the bus is down, and relays it on the next sweep", async () => {
    const id = oid();
    const realPublish = bus.publish.bind(bus);
    bus.publish = async () => {
      throw new Error("nats unavailable");
    };
    const account = new Account({ _id: id, email: "b@example.com", name: "B" });
    await outbox.save(account, [
      pendingEvent("user.registered", { id, email: "b@example.com", name: "B" }),
    ]);
    expect((await Account.findById(id).lean())?.outbox).toHaveLength(1);
    bus.publish = realPublish;
    await outbox.sweep();
    expect(await publishedFor(id)).toBe(1);
    expect((await Account.findById(id).lean())?.outbox).toEqual([]);
  });

  it("publishes exactly once after the process is killed between the write and the publish", async () => {
    const id = oid();
    const crash = runChild("crash", id);
    expect(await crash.firstMessage).toBe("written");
    crash.child.kill("SIGKILL");
    await new Promise((r) => crash.child.once("exit", r));

    // The write survived the crash, the event did not go out.
    const saved = await Account.findById(id).lean();
    expect(saved?.email).toBe(`${id}@example.com`);
    expect(saved?.outbox).toHaveLength(1);
    expect(await publishedFor(id)).toBe(0);

    const restart = runChild("restart", id);
    expect(await restart.firstMessage).toBe("relayed 0");
    await new Promise((r) => restart.child.once("exit", r));
    await waitFor("the relayed event", async () => (await publishedFor(id)) === 1);
    // A second start finds nothing left to send.
    const again = runChild("restart", id);
    expect(await again.firstMessage).toBe("relayed 0");
    expect(await publishedFor(id)).toBe(1);
    // Three child processes start here: 25 s on a busy 2-core machine.
  }, 90_000);

  it("writes the events with a conditional update, and none when the filter misses", async () => {
    const id = oid();
    await Account.create({ _id: id, email: "c@example.com", name: "C" });
    const missed = await outbox.update(
      Account,
      { _id: id, name: "not C" },
      { $set: { name: "D" } },
      [pendingEvent("user.registered", { id, email: "c@example.com", name: "D" })],
    );
    expect(missed).toBeNull();
    const hit = await outbox.update(Account, { _id: id, name: "C" }, { $set: { name: "D" } }, [
      pendingEvent("user.registered", { id, email: "c@example.com", name: "D" }),
    ]);
    expect(hit).toMatchObject({ name: "D", outbox: expect.any(Array) });
    expect(await publishedFor(id)).toBe(1);
  });
});
