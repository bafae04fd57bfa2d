import type { SavedSearch } from "@tx/api-contracts";
import { ButtonLink, Card, PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/auth/session";
import { type ListingSearch, searchHref } from "@/listings/search";
import { DeleteSavedSearch } from "@/saved-searches/delete-saved-search";
import styles from "@/saved-searches/saved-searches.module.css";
import { serverApi } from "@/trpc/server";

export const metadata: Metadata = { title: "Saved searches" };

/** The landing page's address for a saved search: its results, as they are now. */
function resultsHref(search: SavedSearch): string {
  const c = search.criteria;
  const listingSearch: ListingSearch = {
    q: c.q,
    city: c.city,
    from: c.from,
    to: c.to,
    min: c.minPrice,
    max: c.maxPrice,
    sort: "date",
    after: [],
  };
  return searchHref(listingSearch);
}

export default async function SavedSearchesPage() {
  await requireSession();
  const searches = await (await serverApi()).tickets.savedSearches.list.query();
  return (
    <>
      <PageHeading
        title="Saved searches"
        description="We email you when a new or cheaper listing matches one, at most once an hour per search."
      />
      {searches.length === 0 ? (
        <Card title="No saved searches yet">
          <p>Search the listings, then press “Save this search” under the filters.</p>
          <div>
            <ButtonLink href="/" as={Link} variant="secondary">
              Search the listings
            </ButtonLink>
          </div>
        </Card>
      ) : (
        <ul className={styles.list} aria-label="Your saved searches">
          {searches.map((s) => (
            <li key={s.id} className={styles.item}>
              <div>
                <p className={styles.name}>{s.name}</p>
                <p className={styles.meta}>
                  {s.muted ? "Emails off: you unsubscribed" : "Emails on"}
                </p>
              </div>
              <div className={styles.actions}>
                <Link href={resultsHref(s)}>
                  Show results<span className="tx-visually-hidden"> for {s.name}</span>
                </Link>
                <DeleteSavedSearch id={s.id} name={s.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
