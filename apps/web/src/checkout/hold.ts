import { useEffect, useState } from "react";

/**
 * Milliseconds left on the hold, by the server's clock: `serverNow` is the server's time
 * when it rendered the page, and this browser's clock is only used to measure time passing
 * since. So a wrong clock here changes nothing, and a reload starts from the server again.
 * The first render (on the server and at hydration) uses serverNow itself, so they match.
 */
export function useHoldRemaining(expiresAt: string, serverNow: number): number {
  const end = Date.parse(expiresAt);
  const [remaining, setRemaining] = useState(end - serverNow);
  useEffect(() => {
    const skew = serverNow - Date.now();
    const tick = () => setRemaining(end - (Date.now() + skew));
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [end, serverNow]);
  return Math.max(0, remaining);
}

/** "14:59", "0:07": what a countdown shows. Rounded up, so 0:00 means the hold has ended. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
