import type { MouseEvent, ReactNode } from "react";
import { Button, type ButtonProps } from "./button";

export type BusyButtonProps = Omit<ButtonProps, "children"> & {
  children: ReactNode;
  pending: boolean;
  /** Shown while pending, e.g. "Signing in…". */
  pendingLabel: ReactNode;
};

/**
 * A button that cannot act twice. While pending it stays focusable (aria-disabled, not
 * disabled, which would drop keyboard focus) and keeps its width: both labels share one
 * grid cell and the hidden one still takes its room.
 */
export function BusyButton({ children, pending, pendingLabel, onClick, ...rest }: BusyButtonProps) {
  const guard = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <Button
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

export type SubmitButtonProps = Omit<BusyButtonProps, "type">;

/** A form's submit button that cannot submit twice (see BusyButton). */
export function SubmitButton(props: SubmitButtonProps) {
  return <BusyButton type="submit" {...props} />;
}
