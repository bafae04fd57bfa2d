"use client";

import { Notice } from "@tx/ui";
import { type ReactNode, useEffect, useRef } from "react";

type Props = { title: string; children: ReactNode };

/** What a form becomes once its email is on the way; focus moves here so it is announced. */
export function EmailSent({ title, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Notice tone="success" role="status" title={title} focusRef={ref}>
      {children}
    </Notice>
  );
}
