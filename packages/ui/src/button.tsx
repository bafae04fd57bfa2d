import type { ComponentProps } from "react";
import { cx } from "./cx";

export type ButtonProps = ComponentProps<"button"> & {
  variant?: "primary" | "secondary";
  size?: "medium" | "small";
};

export function Button({
  variant = "primary",
  size = "medium",
  type = "button",
  className,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        "tx-button",
        `tx-button--${variant}`,
        size === "small" && "tx-button--small",
        className,
      )}
      {...rest}
    />
  );
}
