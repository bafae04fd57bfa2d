"use client";

import { Button, PageHeading } from "@tx/ui";

type Props = { error: Error & { digest?: string }; reset: () => void };

export default function AccountError({ error, reset }: Props) {
  const reference = error.digest ? ` (reference ${error.digest})` : "";
  return (
    <>
      <PageHeading
        title="Your account"
        description={`Your profile could not be loaded${reference}. Please try again.`}
      />
      <Button onClick={reset}>Try again</Button>
    </>
  );
}
