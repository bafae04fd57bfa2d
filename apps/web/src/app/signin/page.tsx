import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeCallbackPath, withCallback } from "@/auth/callback-path";
import { getSession } from "@/auth/session";
import { AuthPanel } from "@/components/auth-panel";
import { SignInForm } from "@/components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSession()) redirect(callbackPath);
  return (
    <AuthPanel
      title="Sign in"
      description="Welcome back. Sign in to buy, sell and follow your orders."
      footer={
        <>
          <Link href="/forgot-password">Forgot your password?</Link>
          <br />
          New here? <Link href={withCallback("/register", callbackPath)}>Create an account</Link>
        </>
      }
    >
      <SignInForm callbackPath={callbackPath} />
    </AuthPanel>
  );
}
