/** An amount in minor units (cents) with its ISO currency code, as every service sends it. */
export type MoneyValue = { amount: number; currency: string };

// One fixed locale and zone: the server and the browser format alike, so hydration matches.
const LOCALE = "en-US";

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "$1,250.00", "€45.50", "£9.00": minor units to the currency's own notation. */
export function formatMoney({ amount, currency }: MoneyValue): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: "currency", currency });
    moneyFormats.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: "short",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/**
 * "Sat, Mar 14, 2026, 7:30 PM UTC". Event times are shown and entered in UTC, labelled as
 * such, so a page reads the same wherever it is rendered and whatever the browser's zone.
 */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** "Mar 14, 2026" (UTC). */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
