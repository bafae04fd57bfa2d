import { Button, ButtonLink, SelectField, TextField } from "@tx/ui";
import Link from "next/link";
import { majorUnits } from "@/forms/money";
import type { ListingSearch } from "@/listings/search";
import styles from "./listing-filters.module.css";

const sortOptions = [
  { value: "date", label: "Soonest" },
  { value: "price", label: "Lowest price" },
  { value: "newest", label: "Newest" },
] as const;

// The browser checks the amount's shape before the form leaves; the server reads it again.
const AMOUNT_PATTERN = "\\d{1,9}(\\.\\d{1,2})?";

/**
 * Search, filters and sort as a plain GET form: it works before any script loads, and the
 * results' address is the search, to bookmark or share. Submitting starts at page one.
 */
export function ListingFilters({ search }: { search: ListingSearch }) {
  const amount = (cents: number | undefined) => (cents === undefined ? "" : majorUnits(cents));
  return (
    <search aria-label="Listings">
      <form action="/" method="get" className={styles.form}>
        <TextField
          label="Search"
          name="q"
          type="search"
          hint="Event, venue or city"
          defaultValue={search.q ?? ""}
          maxLength={100}
          className={styles.query}
        />
        <TextField label="City" name="city" defaultValue={search.city ?? ""} maxLength={80} />
        <SelectField label="Sort by" name="sort" options={sortOptions} defaultValue={search.sort} />
        <TextField
          label="From"
          name="from"
          type="date"
          defaultValue={search.from ?? ""}
          className={styles.date}
        />
        <TextField
          label="To"
          name="to"
          type="date"
          defaultValue={search.to ?? ""}
          className={styles.date}
        />
        <TextField
          label="Min price"
          name="min"
          inputMode="decimal"
          pattern={AMOUNT_PATTERN}
          title="An amount per ticket, like 45 or 45.50"
          defaultValue={amount(search.min)}
        />
        <TextField
          label="Max price"
          name="max"
          inputMode="decimal"
          pattern={AMOUNT_PATTERN}
          title="An amount per ticket, like 45 or 45.50"
          defaultValue={amount(search.max)}
        />
        <div className={styles.actions}>
          <Button type="submit">Search</Button>
          <ButtonLink href="/" as={Link} variant="secondary">
            Clear
          </ButtonLink>
        </div>
        <p className={styles.note}>
          Dates are the venue's local dates; prices are per ticket, in the listing's currency.
        </p>
      </form>
    </search>
  );
}
