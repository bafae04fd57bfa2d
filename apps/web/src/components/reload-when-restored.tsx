"use client";

import { useEffect } from "react";

/**
 * A page the browser brings back from its back/forward cache shows what it was when left: a
 * checkout as it was before paying. Such a page is loaded again instead, so it says what the
 * order is now.
 */
export function ReloadWhenRestored() {
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) window.location.reload();
    };
    window.addEventListener("pageshow", onShow);
    return () => window.removeEventListener("pageshow", onShow);
  }, []);
  return null;
}
