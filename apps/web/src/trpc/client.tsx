"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import type { Gateway } from "./gateway";
import { serviceLink } from "./links";

const { TRPCProvider, useTRPC } = createTRPCContext<Gateway>();

/** Typed query and mutation options for React Query: `useQuery(useTRPC().tickets.list.queryOptions())`. */
export { useTRPC };

/** Browser-side tRPC + React Query (checkout/layout.tsx provides it); calls go through the same-origin proxy at /api/trpc/<service>. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // Server components render fresh data; do not refetch it the moment the page hydrates.
        defaultOptions: { queries: { staleTime: 30_000 } },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<Gateway>({
      links: [serviceLink({ url: (service) => `/api/trpc/${service}` })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
