import { EmailedToken } from "@tx/api-contracts";
import { Notice } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth-panel";
import { ResetPasswordForm } from "@/components/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** Where the reset email's link leads. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = EmailedToken.safeParse((await searchParams).token);
  return (
    <AuthPanel
      title="Choose a new password"
      description="Saving it signs you in here and out everywhere else."
      footer={
        <>
          Link expired? <Link href="/forgot-password">Ask for a new one</Link>
        </>
      }
    >
      {token.success ? (
        <ResetPasswordForm token={token.data} />
      ) : (
        <Notice tone="warning" title="This link is not complete">
          <p>
            Open the link from the email again, or{" "}
            <Link href="/forgot-password">ask for a new one</Link>. A link works once, for 30
            minutes.
          </p>
        </Notice>
      )}
    </AuthPanel>
  );
}
