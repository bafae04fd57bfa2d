"use client";

import { cx } from "@tx/ui";
import { formatRemaining } from "@/checkout/hold";
import styles from "./checkout.module.css";

const WARN_MS = 60_000;

/**
 * The hold's time left. The ticking figure is a timer (not read out every second); a
 * separate polite region says it once when a minute is left and once when it has ended.
 */
export function HoldCountdown({ remaining }: { remaining: number }) {
  const ended = remaining <= 0;
  const warn = remaining <= WARN_MS;
  return (
    <div className={cx(styles.countdown, warn && styles.countdownWarn)}>
      <p className={styles.countdownLabel}>{ended ? "Hold ended" : "Tickets held for you for"}</p>
      <p
        role="timer"
        className={styles.countdownTime}
        aria-label={`${formatRemaining(remaining)} left`}
      >
        {formatRemaining(remaining)}
      </p>
      <p className="tx-visually-hidden" aria-live="polite">
        {ended ? "Your hold has ended." : warn ? "Less than a minute left on your hold." : ""}
      </p>
    </div>
  );
}
