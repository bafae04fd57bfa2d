import { PageHeading } from "@tx/ui";
import Link from "next/link";
import { Suspense } from "react";
import { withCallback } from "@/auth/callback-path";
import { getSession } from "@/auth/session";
import { ListingFilters } from "@/components/listing-filters";
import { ListingResultsSkeleton } from "@/components/listing-grid";
import { ListingResults } from "@/components/listing-results";
import {
  criteriaOf,
  isFiltered,
  parseListingSearch,
  type SearchParams,
  searchHref,
} from "@/listings/search";
import { SaveSearch } from "@/saved-searches/save-search";
import styles from "@/saved-searches/saved-searches.module.css";

type Props = { searchParams: Promise<SearchParams> };

// In a route group so that its loading.tsx covers this page only, not the protected pages.
export default async function HomePage({ searchParams }: Props) {
  const search = parseListingSearch(await searchParams);
  const session = isFiltered(search) ? await getSession() : null;
  return (
    <>
      <PageHeading
        title="Tickets, person to person"
        description="Find seats other fans can no longer use, or sell the ones you can't."
      />
      <ListingFilters search={search} />
      {/* Issue 23: a filtered search can be saved, to hear of new listings that match it. */}
      {!isFiltered(search) ? null : session ? (
        <SaveSearch key={searchHref(search)} criteria={criteriaOf(search)} />
      ) : (
        <p className={styles.saveRow}>
          <Link href={withCallback("/signin", searchHref(search))}>
            Sign in to save this search
          </Link>
          <span className={styles.hint}>and get an email when a new listing matches.</span>
        </p>
      )}
      {/* Keyed by the search: a new search shows the skeleton instead of the old results. */}
      <Suspense key={searchHref(search, search.after)} fallback={<ListingResultsSkeleton />}>
        <ListingResults search={search} />
      </Suspense>
    </>
  );
}
