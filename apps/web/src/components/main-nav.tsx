"use client";

import { NavLink } from "@tx/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/", label: "Listings" },
  { href: "/status", label: "Status" },
] as const;

/** The header's links, marking the current page for screen readers and sighted users. */
export function MainNav() {
  const pathname = usePathname();
  return links.map(({ href, label }) => (
    <NavLink
      key={href}
      href={href}
      as={Link}
      current={href === "/" ? pathname === "/" : pathname.startsWith(href)}
    >
      {label}
    </NavLink>
  ));
}
