/**
 * How amounts, dates and durations read, the same in the web app, its UI kit, the emails and
 * the services' messages. One fixed locale and zone: the server and the browser format
 * alike, so hydration matches.
 */
const LOCALE = "en-US";

/** An amount in minor units (cents) with its ISO currency code, as every service sends it. */
export type MoneyValue = { amount: number; currency: string };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "$1,250.00", "€45.50", "£9.00": minor units to the currency's own notation. */
export function formatMoney({ amount, currency }: MoneyValue): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: "currency", currency });
    moneyFormats.set(currency, format);
  }
  // The currency's own number of decimals, not an assumed 100 minor units per unit.
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
export function formatDateTime(value: string | Date): string {
  return dateTimeFormat.format(new Date(value));
}

/** "Mar 14, 2026" (UTC). */
export function formatDate(value: string | Date): string {
  return dateFormat.format(new Date(value));
}

/** "1 second", "45 seconds", "2 minutes", "15 minutes": how long to wait, rounded up. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h": how long something has run, the two largest units. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.floor(totalSeconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
