import { PageHeading } from "@tx/ui";
import { Suspense } from "react";
import { ListingFilters } from "@/components/listing-filters";
import { ListingResultsSkeleton } from "@/components/listing-grid";
import { ListingResults } from "@/components/listing-results";
import { parseListingSearch, type SearchParams, searchHref } from "@/listings/search";

type Props = { searchParams: Promise<SearchParams> };

// In a route group so that its loading.tsx covers this page only, not the protected pages.
export default async function HomePage({ searchParams }: Props) {
  const search = parseListingSearch(await searchParams);
  return (
    <>
      <PageHeading
        title="Tickets, person to person"
        description="Find seats other fans can no longer use, or sell the ones you can't."
      />
      <ListingFilters search={search} />
      {/* Keyed by the search: a new search shows the skeleton instead of the old results. */}
      <Suspense key={searchHref(search, search.after)} fallback={<ListingResultsSkeleton />}>
        <ListingResults search={search} />
      </Suspense>
    </>
  );
}
