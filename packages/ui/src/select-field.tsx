import type { ComponentProps } from "react";
import { type FieldChrome, FieldFrame, useFieldIds } from "./field";

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = Omit<ComponentProps<"select">, "id" | "children"> &
  FieldChrome & {
    options: readonly SelectOption[];
    /** A first, empty choice ("Choose a country"): the field then starts unanswered. */
    placeholder?: string;
  };

/** A labelled native select (keyboard and screen readers know it), with hint and error. */
export function SelectField({
  label,
  hint,
  error,
  className,
  options,
  placeholder,
  ...select
}: SelectFieldProps) {
  const { ids, control } = useFieldIds({ hint, error });
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} className={className}>
      <select className="tx-field__input tx-field__select" {...control} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
