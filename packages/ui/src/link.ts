import type { ComponentType, ReactNode } from "react";

/** A link element to render, so an app can pass its router's link (next/link) instead of `a`. */
export type LinkComponent =
  | "a"
  | ComponentType<{
      href: string;
      className?: string;
      children?: ReactNode;
      "aria-current"?: "page";
    }>;
