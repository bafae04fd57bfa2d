import { PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireSession } from "@/auth/session";
import { MyListings, MyListingsSkeleton } from "@/components/my-listings";

export const metadata: Metadata = { title: "My listings" };

export default async function MyListingsPage() {
  await requireSession();
  return (
    <>
      <PageHeading
        title="My listings"
        description={
          <>
            Everything you have listed, with its status. A listing can be changed until a buyer
            holds it. What your sales earned: <Link href="/earnings">Earnings</Link>.
          </>
        }
      />
      <Suspense fallback={<MyListingsSkeleton />}>
        <MyListings />
      </Suspense>
    </>
  );
}
