import { Button, ButtonLink, UserLink } from "@tx/ui";
import Link from "next/link";
import { signOut } from "@/auth/actions";
import { getSession } from "@/auth/session";

/** The header's account corner. Sign-out is a plain form post: it works before any script loads. */
export async function AccountMenu() {
  const session = await getSession();
  if (!session) {
    return (
      <>
        <ButtonLink href="/signin" as={Link} variant="secondary" size="small">
          Sign in
        </ButtonLink>
        <ButtonLink href="/register" as={Link} size="small">
          Register
        </ButtonLink>
      </>
    );
  }
  return (
    <>
      <UserLink href="/account" name={session.user.name} as={Link} />
      <form action={signOut}>
        <Button type="submit" variant="secondary" size="small">
          Sign out
        </Button>
      </form>
    </>
  );
}
