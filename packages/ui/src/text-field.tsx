import type { ComponentProps } from "react";
import { type FieldChrome, FieldFrame, useFieldIds } from "./field";

export type TextFieldProps = Omit<ComponentProps<"input">, "id"> & FieldChrome;

/**
 * A labelled input with its hint and error beside it, tied together for assistive tech
 * (aria-describedby, aria-invalid). Spread react-hook-form's `register()` result into it.
 */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
  const { ids, control } = useFieldIds({ hint, error });
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} className={className}>
      <input className="tx-field__input" {...control} {...input} />
    </FieldFrame>
  );
}
