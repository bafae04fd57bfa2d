import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { oneLine } from "./format";

export type RenderedEmail = { subject: string; html: string; text: string };

/** One render to HTML; the plain-text part is derived from it, so the two never disagree. */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  const text = toPlainText(html, {
    // The heading as written, not shouted in capitals.
    selectors: [{ selector: "h1", options: { uppercase: false } }],
  });
  return { subject: oneLine(subject), html, text };
}
