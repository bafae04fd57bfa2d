"use client";

import { Button, PageHeading } from "@tx/ui";

type Props = { error: Error & { digest?: string }; reset: () => void };

/** Only for failures outside the health checks, which render as "down" cards instead. */
export default function StatusError({ error, reset }: Props) {
  const reference = error.digest ? ` (reference ${error.digest})` : "";
  return (
    <>
      <PageHeading
        title="System status"
        description={`This page could not be built${reference}. The services themselves may be fine.`}
      />
      <Button onClick={reset}>Try again</Button>
    </>
  );
}
