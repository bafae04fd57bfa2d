import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/client";

/**
 * Only checkout talks to the services from the browser (payment form, 3-D Secure step), so
 * only its pages load the tRPC client and React Query: every other page stays lighter.
 */
export default function CheckoutLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
