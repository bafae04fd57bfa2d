import { describe, expect, it } from "vitest";
import { startDatabaseWatchdog } from "./database-watchdog";
import { createLogger } from "./logger";

const log = createLogger("watchdog-test", "silent");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the database watchdog", () => {
  it("connects again when the driver stays without its database, and only then", async () => {
    let reachable = true;
    let reconnects = 0;
    const stop = startDatabaseWatchdog({
      reachable: () => reachable,
      reconnect: async () => {
        reconnects += 1;
        // The first try meets a server still away; the second brings it back.
        if (reconnects === 2) reachable = true;
        else throw new Error("ECONNREFUSED");
      },
      log,
      stuckAfterMs: 100,
      everyMs: 20,
    });
    await sleep(200);
    expect(reconnects).toBe(0);
    reachable = false;
    await sleep(60);
    expect(reconnects).toBe(0);
    await sleep(400);
    expect(reconnects).toBe(2);
    expect(reachable).toBe(true);
    await sleep(200);
    expect(reconnects).toBe(2);
    stop();
  });
});
