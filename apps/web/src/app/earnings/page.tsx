import { PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "@/auth/session";
import { Earnings, EarningsSkeleton } from "@/components/earnings";

export const metadata: Metadata = { title: "Earnings" };

export default async function EarningsPage() {
  await requireSession();
  return (
    <>
      <PageHeading
        title="Earnings"
        description="What your sales have earned: pending until the tickets are delivered and the event is over, then paid out by the daily payout run."
      />
      <Suspense fallback={<EarningsSkeleton />}>
        <Earnings />
      </Suspense>
    </>
  );
}
