import { EmailedToken } from "@tx/api-contracts";
import { Notice } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth-panel";
import { ConfirmRegistrationForm } from "@/components/confirm-registration-form";

export const metadata: Metadata = { title: "Confirm your email" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** Where the confirmation email's link leads: one press creates the account. */
export default async function ConfirmRegistrationPage({ searchParams }: Props) {
  const token = EmailedToken.safeParse((await searchParams).token);
  return (
    <AuthPanel
      title="Confirm your email"
      description="One step left: create your account with the details you registered."
      footer={
        <>
          Already have an account? <Link href="/signin">Sign in</Link>
        </>
      }
    >
      {token.success ? (
        <ConfirmRegistrationForm token={token.data} />
      ) : (
        <Notice tone="warning" title="This link is not complete">
          <p>
            Open the link from the email again, or copy all of it into the address bar. It works
            once, for 24 hours; after that, <Link href="/register">register again</Link>.
          </p>
        </Notice>
      )}
    </AuthPanel>
  );
}
