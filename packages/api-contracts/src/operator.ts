import { z } from "zod";
import { IsoDateTime, ServiceName } from "./common";

/**
 * The operator's view (issue 17): what every service reports about its consumers,
 * outbox, reconcilers and queues, and the dead letters an operator can replay or discard.
 * Only accounts named in OPERATOR_EMAILS may call these; to anyone else they do not exist.
 */

/** A message a consumer gave up on: it failed its schema or its handler said it never can succeed. */
export const DeadLetter = z.object({
  /** Its sequence in the dead-letter stream: what replay and discard name. */
  seq: z.number().int().positive(),
  service: ServiceName,
  durable: z.string(),
  /** The subject it was published on, where a replay sends it again. */
  subject: z.string(),
  reason: z.enum(["schema", "permanent"]),
  error: z.string(),
  failedAt: IsoDateTime,
  deliveryCount: z.number().int().nonnegative(),
  /** Its sequence in the events stream: the copies other consumers gave up on share it. */
  streamSeq: z.number().int().nonnegative(),
  msgId: z.string().nullable(),
  payload: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

export const DeadLetterListInput = z
  .object({ limit: z.number().int().min(1).max(200).default(50) })
  .default({ limit: 50 });
export type DeadLetterListInput = z.input<typeof DeadLetterListInput>;

export const DeadLetterPage = z.object({
  items: z.array(DeadLetter),
  /** How many this service holds in all (the page may show fewer). */
  total: z.number().int().nonnegative(),
});
export type DeadLetterPage = z.infer<typeof DeadLetterPage>;

export const DeadLetterSeqInput = z.object({ seq: z.number().int().positive() });
export type DeadLetterSeqInput = z.infer<typeof DeadLetterSeqInput>;

export const ReplayDeadLetterInput = z.object({
  seq: z.number().int().positive(),
  /** A corrected payload (the whole envelope, as JSON); without it, the original is sent. */
  payload: z
    .string()
    .min(2)
    .max(256 * 1024)
    .optional(),
});
export type ReplayDeadLetterInput = z.infer<typeof ReplayDeadLetterInput>;

export const ReplayResult = z.object({
  seq: z.number().int().positive(),
  subject: z.string(),
  /** True when the stream had it already (the same dead letter replayed twice in a row). */
  duplicate: z.boolean(),
});
export type ReplayResult = z.infer<typeof ReplayResult>;

export const DiscardResult = z.object({ seq: z.number().int().positive(), discarded: z.boolean() });
export type DiscardResult = z.infer<typeof DiscardResult>;

export const ConsumerFigures = z.object({
  durable: z.string(),
  /** Published, not yet delivered to this consumer. */
  pending: z.number().int().nonnegative(),
  /** Delivered, not yet acknowledged. */
  ackPending: z.number().int().nonnegative(),
  /** Delivered more than once and not yet acknowledged. */
  redelivered: z.number().int().nonnegative(),
});
export type ConsumerFigures = z.infer<typeof ConsumerFigures>;

export const QueueFigures = z.object({
  name: z.string(),
  waiting: z.number().int().nonnegative(),
  delayed: z.number().int().nonnegative(),
  active: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type QueueFigures = z.infer<typeof QueueFigures>;

/** One service's figures to alert on, as its /metrics has them. */
export const OperatorOverview = z.object({
  service: ServiceName,
  checkedAt: IsoDateTime,
  /** The consumers are paused because the database is unreachable. */
  paused: z.boolean(),
  consumers: z.array(ConsumerFigures),
  deadLetters: z.number().int().nonnegative(),
  outbox: z.object({
    pending: z.number().int().nonnegative(),
    oldestAgeSeconds: z.number().nonnegative().nullable(),
  }),
  reconcilerFixes: z.array(z.object({ kind: z.string(), count: z.number().nonnegative() })),
  queues: z.array(QueueFigures),
  /** Figures that could not be read (NATS or the database unreachable), by name. */
  unavailable: z.array(z.string()),
});
export type OperatorOverview = z.infer<typeof OperatorOverview>;
