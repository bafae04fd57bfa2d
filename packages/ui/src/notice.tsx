import type { ReactNode, Ref } from "react";

export type NoticeProps = {
  tone?: "info" | "success" | "warning" | "danger";
  title?: ReactNode;
  children?: ReactNode;
  /** "alert" for a message that appears after something the user did. */
  role?: "alert" | "status";
  /** Lets a page move focus here (tabIndex -1) after the message appears. */
  focusRef?: Ref<HTMLDivElement>;
};

/** A message block: why a button is disabled, an order's state, a refusal. */
export function Notice({ tone = "info", title, children, role, focusRef }: NoticeProps) {
  return (
    <div
      className={`tx-notice tx-notice--${tone}`}
      role={role}
      ref={focusRef}
      tabIndex={focusRef ? -1 : undefined}
    >
      {title ? <p className="tx-notice__title">{title}</p> : null}
      {children ? <div className="tx-notice__body">{children}</div> : null}
    </div>
  );
}
