import { ButtonLink, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireSession } from "@/auth/session";
import { ProfileCard, ProfileCardSkeleton } from "@/components/profile-card";
import { isOperatorEmail } from "@/env";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  // Before any Suspense boundary, so a signed-out visitor gets a real redirect, not a page.
  const session = await requireSession();
  return (
    <>
      <PageHeading
        title="Your account"
        description="The details your account is registered with."
      />
      <Suspense fallback={<ProfileCardSkeleton />}>
        <ProfileCard />
      </Suspense>
      {/* Operators only (OPERATOR_EMAILS): the header has no room on a phone. */}
      {isOperatorEmail(session.user.email) ? (
        <p>
          <ButtonLink href="/operator" as={Link} variant="secondary">
            Operations
          </ButtonLink>
        </p>
      ) : null}
    </>
  );
}
