import { TRPCError } from "@trpc/server";
import { EventBus } from "./bus";
import { connectDatabase, disconnectDatabase } from "./db";
import { createLogger } from "./logger";
import { outbox } from "./outbox";
import type { AuthUser, Context } from "./trpc";

/**
 * For tests that call a service's procedures in-process (createCaller) against the real
 * servers: the service's database, a bus, and the outbox attached to it.
 */
export async function connectServiceForTest(
  service: string,
  urls: { MONGO_URL: string; NATS_URL: string },
): Promise<{ bus: EventBus; close: () => Promise<void> }> {
  const log = createLogger(service, "silent");
  await connectDatabase(urls.MONGO_URL, `tx_${service}`);
  const bus = await EventBus.connect({ servers: urls.NATS_URL, service: `${service}test`, log });
  outbox.attach(bus, log);
  return {
    bus,
    close: async () => {
      await outbox.stop();
      await bus.close();
      await disconnectDatabase();
    },
  };
}

export function testContext(user: AuthUser | null = null, clientIp = "203.0.113.7"): Context {
  return { user, clientIp, requestId: "test", log: createLogger("test", "silent") };
}

/** An in-process caller of `router` as `user` (null: anonymous). */
export function callerFor<R extends { createCaller: (ctx: Context) => unknown }>(router: R) {
  return (user: AuthUser | null, clientIp?: string) =>
    router.createCaller(testContext(user, clientIp)) as ReturnType<R["createCaller"]>;
}

/** The TRPCError a direct call refused with (fails the test if the call succeeded or threw something else). */
export async function errorOf(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}
