import { ButtonLink, Notice, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireSession } from "@/auth/session";
import { ChangePasswordForm } from "@/components/change-password-form";
import { ProfileCard, ProfileCardSkeleton } from "@/components/profile-card";
import { isOperatorEmail } from "@/env";
import styles from "./account-page.module.css";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<{ password?: string | string[] }> };

export default async function AccountPage({ searchParams }: Props) {
  // Before any Suspense boundary, so a signed-out visitor gets a real redirect, not a page.
  const session = await requireSession();
  const justReset = (await searchParams).password === "reset";
  return (
    <>
      <PageHeading
        title="Your account"
        description="The details your account is registered with."
      />
      <div className={styles.stack}>
        {justReset ? (
          <Notice tone="success" role="status" title="Your new password is set">
            <p>You are signed in here; every other browser was signed out.</p>
          </Notice>
        ) : null}
        <Suspense fallback={<ProfileCardSkeleton />}>
          <ProfileCard />
        </Suspense>
        <ChangePasswordForm />
        {/* Operators only (OPERATOR_EMAILS): the header has no room on a phone. */}
        {isOperatorEmail(session.user.email) ? (
          <p>
            <ButtonLink href="/operator" as={Link} variant="secondary">
              Operations
            </ButtonLink>
          </p>
        ) : null}
      </div>
    </>
  );
}
