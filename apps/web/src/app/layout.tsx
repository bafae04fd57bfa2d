import "@tx/ui/theme.css";
import { Brand, Header, SkipLink } from "@tx/ui";
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { MainNav } from "@/components/main-nav";
import { RouteFocus } from "@/components/route-focus";

export const metadata: Metadata = {
  title: { default: "Ticket Exchange", template: "%s · Ticket Exchange" },
  description: "Buy and sell tickets to live events, person to person.",
};

export const viewport: Viewport = {
  themeColor: "#001b29",
  colorScheme: "dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SkipLink href="#main" />
        <Header
          brand={
            <Brand href="/" as={Link}>
              Ticket Exchange
            </Brand>
          }
          account={<AccountMenu />}
        >
          <MainNav />
        </Header>
        <main id="main" tabIndex={-1} className="tx-main">
          {children}
        </main>
        <RouteFocus />
      </body>
    </html>
  );
}
