import type { ReactNode } from "react";
import { ReloadWhenRestored } from "@/components/reload-when-restored";
import { TRPCReactProvider } from "@/trpc/client";

/**
 * Only checkout talks to the services from the browser (payment form, 3-D Secure step), so
 * only its pages load the tRPC client and React Query: every other page stays lighter. A
 * checkout the browser's Back brings back from its cache is loaded again (paid since?).
 */
export default function CheckoutLayout({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <ReloadWhenRestored />
      {children}
    </TRPCReactProvider>
  );
}
