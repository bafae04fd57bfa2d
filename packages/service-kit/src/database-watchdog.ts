import type { Logger } from "./logger";

export type WatchdogOptions = {
  /** Whether the database answers now (the driver's view). */
  reachable: () => boolean;
  /** Drops the connection and makes a new one; may fail while the server is still away. */
  reconnect: () => Promise<void>;
  log: Logger;
  /** How long the driver may stay without its server before we connect again ourselves. */
  stuckAfterMs?: number;
  everyMs?: number;
};

/**
 * The driver reconnects by itself when its server returns; seen once under load, after
 * FerretDB was stopped, it did not (every selection failed with the old connection's
 * error, for minutes, while other processes were connected again). This connects anew
 * when the database has been unreachable for `stuckAfterMs`, and again after as long if
 * that failed (the server may really still be away): a lost driver never strands the
 * service's consumers and reconcilers, which pause meanwhile.
 */
export function startDatabaseWatchdog(opts: WatchdogOptions): () => void {
  const stuckAfterMs = opts.stuckAfterMs ?? 20_000;
  let unreachableSince: number | null = null;
  let reconnecting = false;
  const timer = setInterval(() => {
    if (opts.reachable()) {
      unreachableSince = null;
      return;
    }
    const now = Date.now();
    unreachableSince ??= now;
    if (reconnecting || now - unreachableSince < stuckAfterMs) return;
    reconnecting = true;
    opts.log.warn(
      { unreachableMs: now - unreachableSince },
      "database unreachable for too long: connecting again",
    );
    opts
      .reconnect()
      .then(() => opts.log.info("database connected again"))
      .catch((err) => opts.log.warn({ err }, "database still unreachable; will try again"))
      .finally(() => {
        reconnecting = false;
        unreachableSince = opts.reachable() ? null : Date.now();
      });
  }, opts.everyMs ?? 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
