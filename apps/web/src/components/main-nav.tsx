"use client";

import { NavLink } from "@tx/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Editing a listing is the seller's business: it belongs to "My listings". */
const isEdit = (p: string) => /^\/listings\/[^/]+\/edit$/.test(p);

const links = [
  // A listing's own page belongs to the listings.
  {
    href: "/",
    label: "Listings",
    match: (p: string) => p === "/" || (p.startsWith("/listings/") && !isEdit(p)),
  },
  { href: "/sell", label: "Sell" },
  {
    href: "/my-listings",
    label: "My listings",
    // A seller's earnings (from their sales) belong there too: the header stays one line on a phone.
    match: (p: string) => p.startsWith("/my-listings") || p === "/earnings" || isEdit(p),
  },
  {
    href: "/orders",
    label: "Orders",
    match: (p: string) => p.startsWith("/orders") || p.startsWith("/checkout/"),
  },
  { href: "/status", label: "Status" },
] as const;

/** The header's links, marking the current page for screen readers and sighted users. */
export function MainNav() {
  const pathname = usePathname();
  return links.map((link) => (
    <NavLink
      key={link.href}
      href={link.href}
      as={Link}
      current={"match" in link ? link.match(pathname) : pathname.startsWith(link.href)}
    >
      {link.label}
    </NavLink>
  ));
}
