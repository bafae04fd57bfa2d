import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSession } from "@/auth/session";
import { AuthPanel } from "@/components/auth-panel";
import { ForgotPasswordForm } from "@/components/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage() {
  if (await getSession()) redirect("/account");
  return (
    <AuthPanel
      title="Reset your password"
      description="We email you a link to choose a new one."
      footer={
        <>
          Remembered it? <Link href="/signin">Sign in</Link>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthPanel>
  );
}
