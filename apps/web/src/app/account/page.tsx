import { PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "@/auth/session";
import { ProfileCard, ProfileCardSkeleton } from "@/components/profile-card";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  // Before any Suspense boundary, so a signed-out visitor gets a real redirect, not a page.
  await requireSession();
  return (
    <>
      <PageHeading
        title="Your account"
        description="The details your account is registered with."
      />
      <Suspense fallback={<ProfileCardSkeleton />}>
        <ProfileCard />
      </Suspense>
    </>
  );
}
