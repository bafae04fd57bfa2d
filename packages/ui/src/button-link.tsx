import type { ReactNode } from "react";
import { cx } from "./cx";
import type { LinkComponent } from "./link";

export type ButtonLinkProps = {
  href: string;
  children: ReactNode;
  variant?: "primary" | "secondary";
  size?: "medium" | "small";
  as?: LinkComponent;
};

/** A link that looks like a button: for navigation that is a call to action ("Register"). */
export function ButtonLink({
  href,
  children,
  variant = "primary",
  size = "medium",
  as: Link = "a",
}: ButtonLinkProps) {
  return (
    <Link
      href={href}
      className={cx("tx-button", `tx-button--${variant}`, size === "small" && "tx-button--small")}
    >
      {children}
    </Link>
  );
}
