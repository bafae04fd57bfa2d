import type { MouseEvent, ReactNode } from "react";
import { Button, type ButtonProps } from "./button";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "children"> & {
  children: ReactNode;
  pending: boolean;
  /** Shown while pending, e.g. "Signing in…". */
  pendingLabel: ReactNode;
};

/**
 * A submit button that cannot submit twice. While pending it stays focusable (aria-disabled,
 * not disabled, which would drop keyboard focus) and keeps its width: both labels share one
 * grid cell and the hidden one still takes its room.
 */
export function SubmitButton({
  children,
  pending,
  pendingLabel,
  onClick,
  ...rest
}: SubmitButtonProps) {
  const guard = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <Button
      type="submit"
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={guard}
      {...rest}
    >
      <span className="tx-button__labels">
        <span aria-hidden={pending || undefined}>{children}</span>
        <span aria-hidden={!pending || undefined}>{pendingLabel}</span>
      </span>
    </Button>
  );
}
