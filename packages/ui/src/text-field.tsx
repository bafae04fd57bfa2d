import { type ComponentProps, type ReactNode, useId } from "react";
import { cx } from "./cx";

export type TextFieldProps = Omit<ComponentProps<"input">, "id"> & {
  label: ReactNode;
  /** Shown under the label; read out with the field. */
  hint?: ReactNode;
  /** Shown under the field, which is then marked invalid. */
  error?: string | undefined;
};

/**
 * A labelled input with its hint and error beside it, tied together for assistive tech
 * (aria-describedby, aria-invalid). Spread react-hook-form's `register()` result into it.
 */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("tx-field", className)}>
      <label className="tx-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="tx-field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        className="tx-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p id={errorId} className="tx-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
