import { z } from "zod";
import type { Logger } from "./logger";
import { metrics } from "./metrics";

/** Settings of the services that run reconcilers; tests shorten both. */
export const reconcileEnvShape = {
  /** How often each reconciler looks for a state that an event should have changed. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().positive().max(86_400).default(60),
  /**
   * How long past its due time a state may stay before a reconciler fixes it: longer than
   * the events that should fix it normally take, shorter than a buyer would wait.
   */
  RECONCILE_GRACE_SECONDS: z.coerce.number().nonnegative().max(86_400).default(120),
};

export type ReconcileContext = {
  log: Logger;
  /** Counts fixes of one kind (reconciler_fixes_total{kind}). */
  fixed: (kind: string, n?: number) => void;
};

/**
 * A small periodic job in the service that owns the state. It must be idempotent and safe
 * with several replicas running it at once: every fix is a conditional write (or goes
 * through a path that is), so two replicas finding the same problem fix it once.
 */
export type Reconciler = {
  name: string;
  run: (ctx: ReconcileContext) => Promise<void>;
};

export type ReconcilerOptions = {
  intervalMs: number;
  log: Logger;
  /** False while the database is unreachable: a pass would only fail. */
  canRun?: () => boolean;
};

/**
 * Runs every reconciler once soon after start (in the background: a failing pass never
 * stops the service from starting), then every interval with some jitter so replicas
 * spread out. A pass that fails is logged and counted; the next one tries again.
 */
export function startReconcilers(reconcilers: Reconciler[], opts: ReconcilerOptions) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> | undefined;

  const runOne = async (r: Reconciler) => {
    if (opts.canRun && !opts.canRun()) {
      metrics.reconcilerRuns.inc({ reconciler: r.name, outcome: "skipped" });
      return;
    }
    const log = opts.log.child({ reconciler: r.name });
    let fixes = 0;
    try {
      await r.run({
        log,
        fixed: (kind, n = 1) => {
          fixes += n;
          metrics.reconcilerFixes.inc({ kind }, n);
          log.warn({ kind, n }, "reconciler fixed a state");
        },
      });
      metrics.reconcilerRuns.inc({ reconciler: r.name, outcome: "ok" });
      if (fixes > 0) log.info({ fixes }, "reconciler pass done");
    } catch (err) {
      metrics.reconcilerRuns.inc({ reconciler: r.name, outcome: "failed" });
      log.warn({ err }, "reconciler pass failed; the next one tries again");
    }
  };

  const pass = () => {
    running ??= (async () => {
      for (const r of reconcilers) {
        if (stopped) return;
        await runOne(r);
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void pass().finally(() => schedule(opts.intervalMs * (0.9 + Math.random() * 0.2)));
    }, ms);
    timer.unref();
  };
  // The first pass right away, without holding up the start.
  schedule(0);

  return {
    /** One pass now (tests, and the operator's "run now"); resolves when it is done. */
    runNow: pass,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type ReconcilerRunner = ReturnType<typeof startReconcilers>;
