import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeCallbackPath, withCallback } from "@/auth/callback-path";
import { getSession } from "@/auth/session";
import { AuthPanel } from "@/components/auth-panel";
import { RegisterForm } from "@/components/register-form";

export const metadata: Metadata = { title: "Create your account" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function RegisterPage({ searchParams }: Props) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSession()) redirect(callbackPath);
  return (
    <AuthPanel
      title="Create your account"
      description="One account to list tickets you can't use and buy the ones you want."
      footer={
        <>
          Already have an account? <Link href={withCallback("/signin", callbackPath)}>Sign in</Link>
        </>
      }
    >
      <RegisterForm />
    </AuthPanel>
  );
}
