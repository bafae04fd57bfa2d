import { type ReactNode, useId } from "react";
import { cx } from "./cx";

export type FieldChrome = {
  label: ReactNode;
  /** Shown under the label; read out with the field. */
  hint?: ReactNode;
  /** Shown under the field, which is then marked invalid. */
  error?: string | undefined;
  className?: string | undefined;
};

type FieldIds = { id: string; hintId?: string; errorId?: string };

/**
 * The ids that tie a control to its label, hint and error, and the attributes the control
 * needs for assistive tech (aria-describedby, aria-invalid).
 */
export function useFieldIds({ hint, error }: Pick<FieldChrome, "hint" | "error">) {
  const id = useId();
  const ids: FieldIds = {
    id,
    ...(hint ? { hintId: `${id}-hint` } : {}),
    ...(error ? { errorId: `${id}-error` } : {}),
  };
  const describedBy = [ids.hintId, ids.errorId].filter(Boolean).join(" ") || undefined;
  const control = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  return { ids, control };
}

/** Label, hint, control and error, stacked: the one layout every form field shares. */
export function FieldFrame({
  ids,
  label,
  hint,
  error,
  className,
  children,
}: FieldChrome & { ids: FieldIds; children: ReactNode }) {
  return (
    <div className={cx("tx-field", className)}>
      <label className="tx-field__label" htmlFor={ids.id}>
        {label}
      </label>
      {hint ? (
        <p id={ids.hintId} className="tx-field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={ids.errorId} className="tx-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
