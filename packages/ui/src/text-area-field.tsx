import type { ComponentProps } from "react";
import { type FieldChrome, FieldFrame, useFieldIds } from "./field";

export type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "id"> & FieldChrome;

export function TextAreaField({ label, hint, error, className, ...textarea }: TextAreaFieldProps) {
  const { ids, control } = useFieldIds({ hint, error });
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} className={className}>
      <textarea className="tx-field__input tx-field__textarea" {...control} {...textarea} />
    </FieldFrame>
  );
}
