import { ButtonLink, Card, Pager } from "@tx/ui";
import Link from "next/link";
import { searchListings } from "@/listings/queries";
import { criteriaOf, isFiltered, type ListingSearch, searchHref } from "@/listings/search";
import { LiveListings } from "@/live/live-listings";
import { NewListingsNotice } from "@/live/live-status";
import { serviceError } from "@/trpc/service-error";
import { ListingGrid } from "./listing-grid";
import styles from "./listing-results.module.css";

/**
 * One page of available listings for the search, with its pager or the right empty state.
 * The cards follow their listings live (Reserved, Sold, Available again), and listings
 * created since that match the search are announced.
 */
export async function ListingResults({ search }: { search: ListingSearch }) {
  let page: Awaited<ReturnType<typeof searchListings>>;
  try {
    page = await searchListings(search);
  } catch (err) {
    // A cursor that no longer decodes (an old or edited link): offer the first page.
    if (serviceError(err)?.code !== "BAD_REQUEST") throw err;
    return (
      <Card title="This page link no longer works">
        <p>
          <Link href={searchHref(search)}>Start from the first page of these results</Link>.
        </p>
      </Card>
    );
  }
  const pageNumber = search.after.length + 1;
  if (page.items.length === 0) {
    return isFiltered(search) || pageNumber > 1 ? (
      <Card title="No listings match">
        <p>Try other words, a wider date or price range, or another city.</p>
        <div>
          <ButtonLink href="/" as={Link} variant="secondary">
            Clear the filters
          </ButtonLink>
        </div>
      </Card>
    ) : (
      <Card title="No tickets for sale yet">
        <p>Tickets that sellers post appear here. Have some you can no longer use?</p>
        <div>
          <ButtonLink href="/sell" as={Link}>
            Sell tickets
          </ButtonLink>
        </div>
      </Card>
    );
  }
  return (
    <LiveListings ids={page.items.map((l) => l.id)} search={criteriaOf(search)}>
      <p className={styles.summary} role="status">
        {isFiltered(search) ? "Listings matching your search" : "All listings"}, page {pageNumber}
      </p>
      <NewListingsNotice href={searchHref(search)} />
      <ListingGrid listings={page.items} label={`Listings, page ${pageNumber}`} />
      <Pager
        as={Link}
        label="Listing pages"
        status={`Page ${pageNumber}`}
        previousHref={pageNumber > 1 ? searchHref(search, search.after.slice(0, -1)) : null}
        nextHref={page.nextCursor ? searchHref(search, [...search.after, page.nextCursor]) : null}
      />
    </LiveListings>
  );
}
