import { Card, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import type { SearchParams } from "@/listings/search";
import { UnsubscribeForm } from "@/saved-searches/unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe" };

type Props = { searchParams: Promise<SearchParams> };

/** The saved-search email's unsubscribe link: works without signing in (the link is signed). */
export default async function UnsubscribePage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <>
      <PageHeading
        title="Unsubscribe from a saved search"
        description="Stop the emails this saved search sends you when a listing matches."
      />
      <Card title="Stop the emails">
        {typeof token === "string" && token ? (
          <UnsubscribeForm token={token} />
        ) : (
          <p>This unsubscribe link is incomplete. Use the link in the email as it is.</p>
        )}
      </Card>
    </>
  );
}
