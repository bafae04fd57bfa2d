import type { Listing } from "@tx/api-contracts";
import { serverApi } from "@/trpc/server";
import { ListingGrid } from "./listing-grid";
import styles from "./seller-listings.module.css";

const SHOWN = 4;

/** The seller's other tickets for sale, soonest first; nothing at all when there are none. */
export async function SellerListings({ listing }: { listing: Listing }) {
  const page = await (await serverApi()).tickets.list.query({
    sellerId: listing.sellerId,
    sort: "date",
    limit: SHOWN + 1,
  });
  const others = page.items.filter((other) => other.id !== listing.id).slice(0, SHOWN);
  if (others.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="seller-listings">
      <h2 id="seller-listings" className={styles.title}>
        More from {listing.sellerName}
      </h2>
      <ListingGrid
        listings={others}
        label={`Other listings by ${listing.sellerName}`}
        headingLevel={3}
      />
    </section>
  );
}
