"use client";

import type { TicketStatus } from "@tx/api-contracts";
import { Badge, Notice } from "@tx/ui";
import { listingStatus } from "@/listings/status";
import { useLiveConnected, useLiveStatus, useNewListings } from "./live-listings";

/** A listing's status badge, following it live inside LiveListings. */
export function LiveStatusBadge({ id, status }: { id: string; status: TicketStatus }) {
  const now = useLiveStatus(id, status);
  const live = useLiveConnected();
  const shown =
    now === "deleted" ? { label: "Removed", tone: "neutral" as const } : listingStatus[now];
  return (
    <span data-listing-status={now} data-live={live ? "on" : "off"}>
      <Badge tone={shown.tone}>{shown.label}</Badge>
    </span>
  );
}

/** "2 new listings match your search": the landing page's way to them, in a live region. */
export function NewListingsNotice({ href }: { href: string }) {
  const fresh = useNewListings();
  return (
    <div role="status">
      {fresh.length === 0 ? null : (
        <Notice>
          {fresh.length === 1
            ? `A new listing matches your search: ${fresh[0]?.eventName}.`
            : `${fresh.length} new listings match your search.`}{" "}
          {/* A plain link: a whole new load of the search's first page, never a cached one. */}
          <a href={href}>Show the latest results</a>
        </Notice>
      )}
    </div>
  );
}
