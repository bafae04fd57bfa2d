import { timeZoneNames } from "@tx/api-contracts";
import { PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import { requireSession } from "@/auth/session";
import { ListingForm } from "@/components/listing-form";

export const metadata: Metadata = { title: "Sell tickets" };

export default async function SellPage() {
  await requireSession();
  return (
    <>
      <PageHeading
        title="Sell tickets"
        description="List tickets you can no longer use. Buyers pay by card; you can edit or delete the listing until someone buys it."
      />
      <ListingForm timeZones={timeZoneNames()} />
    </>
  );
}
