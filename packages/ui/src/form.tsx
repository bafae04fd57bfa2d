import type { ComponentProps } from "react";
import { cx } from "./cx";

export type FormProps = ComponentProps<"form">;

/** A vertical form: fields, errors and actions spaced evenly. */
export function Form({ className, ...rest }: FormProps) {
  return <form className={cx("tx-form", className)} {...rest} />;
}
