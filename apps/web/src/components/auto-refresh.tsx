"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Props = {
  intervalMs?: number;
  maxTries?: number;
  /** Runs before each refresh, e.g. a server action that asks for the news being waited for. */
  before?: () => Promise<void>;
};

/**
 * Renders the page again on the server every `intervalMs` until the page stops including
 * this (the state it waits for has arrived), or gives up after `maxTries` with a note.
 */
export function AutoRefresh({ intervalMs = 1000, maxTries = 45, before }: Props) {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (tries >= maxTries) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void (before?.() ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => {
          if (!current) return;
          router.refresh();
          setTries((n) => n + 1);
        });
    }, intervalMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [tries, maxTries, intervalMs, router, before]);
  if (tries < maxTries) return null;
  return (
    <p role="status">
      This is taking longer than usual. Reload the page in a minute to check again.
    </p>
  );
}
