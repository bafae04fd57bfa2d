import { PageHeading } from "@tx/ui";
import { ListingFilters } from "@/components/listing-filters";
import { ListingResultsSkeleton } from "@/components/listing-grid";
import { parseListingSearch } from "@/listings/search";

/** The landing page while its listings load: the same heading and form, skeleton cards. */
export default function Loading() {
  return (
    <>
      <PageHeading
        title="Tickets, person to person"
        description="Find seats other fans can no longer use, or sell the ones you can't."
      />
      <ListingFilters search={parseListingSearch({})} />
      <ListingResultsSkeleton />
    </>
  );
}
