import type { ComponentProps } from "react";
import { cx } from "./cx";

export type ButtonProps = ComponentProps<"button"> & { variant?: "primary" | "secondary" };

export function Button({ variant = "primary", type = "button", className, ...rest }: ButtonProps) {
  return (
    <button type={type} className={cx("tx-button", `tx-button--${variant}`, className)} {...rest} />
  );
}
