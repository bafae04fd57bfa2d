import { ButtonLink, PageHeading } from "@tx/ui";
import Link from "next/link";

/** For an address that names nothing: a deleted listing, another buyer's order, a typo. */
export default function NotFound() {
  return (
    <>
      <PageHeading
        title="Page not found"
        description="There is nothing here, or no longer: a listing may have been deleted or sold."
      />
      <ButtonLink href="/" as={Link}>
        Browse the listings
      </ButtonLink>
    </>
  );
}
