/**
 * How long a mail event may keep failing before it is dead-lettered. The bus counts every
 * delivery, RetryLater included, so this budget sits above the wait for replicas.
 * Backoff caps at 30 s: about six hours of mail outage, and at least an hour after the
 * longest wait for a replica.
 */
export const MAIL_MAX_ATTEMPTS = 720;

/**
 * How long an email waits for the replica it needs (an order.created or user.registered
 * that has not reached us yet): RetryLater backs off to 2 s, so about 20 minutes.
 */
export const REPLICA_MAX_WAITS = 600;
