"use client";

import type { ListingCriteria, LiveListingState, TicketStatus } from "@tx/api-contracts";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";

export type LiveStatus = TicketStatus | "deleted";

type Live = {
  /** The latest state of each followed listing the stream has sent. */
  states: ReadonlyMap<string, LiveListingState>;
  /** New listings matching the page's search since it opened (the landing page). */
  newListings: readonly { id: string; eventName: string }[];
  /** The stream has sent its first state: the page is up to date from here on. */
  connected: boolean;
};

const LiveContext = createContext<Live | null>(null);

type Props = {
  /** The listings the page shows. */
  ids: readonly string[];
  /** The landing page's search: new matches are announced. */
  search?: ListingCriteria;
  children: ReactNode;
};

/**
 * Follows the page's listings as they change (tickets.live, server-sent events through the
 * web proxy; the link resumes from the last event id after a reconnect). The client code is
 * loaded after the page renders, so the page's first load does not carry it.
 */
export function LiveListings({ ids, search, children }: Props) {
  const [live, setLive] = useState<Live>({
    states: new Map(),
    newListings: [],
    connected: false,
  });
  // The effect's identity: a new page of results or another search is another subscription.
  const key = JSON.stringify([ids, search ?? null]);
  useEffect(() => {
    const [followed, criteria] = JSON.parse(key) as [string[], ListingCriteria | null];
    let stop: (() => void) | undefined;
    let cancelled = false;
    // Another set of listings (new results): what was said of the old ones no longer holds.
    setLive({ states: new Map(), newListings: [], connected: false });
    void import("./live-client").then(({ liveClient }) => {
      if (cancelled) return;
      const subscription = liveClient.tickets.live.subscribe(
        { ids: followed, ...(criteria ? { search: criteria } : {}) },
        {
          onData: ({ data }) =>
            setLive((current) => {
              const now = current.connected ? current : { ...current, connected: true };
              if (data.kind === "new") {
                if (now.newListings.some((l) => l.id === data.id)) return now;
                return { ...now, newListings: [...now.newListings, data] };
              }
              // Versions only grow: an older state (a replay after a reconnect) changes nothing.
              const known = now.states.get(data.id);
              if (known && known.version > data.version) return now;
              const states = new Map(now.states);
              states.set(data.id, data);
              return { ...now, states };
            }),
        },
      );
      stop = () => subscription.unsubscribe();
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [key]);
  return <LiveContext value={live}>{children}</LiveContext>;
}

/** A listing's status as it is now: what the stream last said, else what the page rendered. */
export function useLiveStatus(id: string, rendered: TicketStatus): LiveStatus {
  return useContext(LiveContext)?.states.get(id)?.status ?? rendered;
}

/** Whether the page's stream is open and has sent its first state. */
export function useLiveConnected(): boolean {
  return useContext(LiveContext)?.connected ?? false;
}

/** New listings matching the page's search since it opened. */
export function useNewListings(): readonly { id: string; eventName: string }[] {
  return useContext(LiveContext)?.newListings ?? [];
}
