/**
 * How amounts, dates and durations read, the same in the web app, its UI kit, the emails and
 * the services' messages. One fixed locale, and zones named explicitly: the server and the
 * browser format alike, so hydration matches.
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

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  weekday: "short",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  formats: Map<string, Intl.DateTimeFormat>,
  key: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/**
 * en-US names North American zones (EST, PDT) but calls London in summer "GMT+1";
 * British English has the names Europe uses (BST, CET, CEST). An offset is the last resort.
 */
function zoneName(instant: Date, timeZone: string, usName: string): string {
  if (!/^GMT[+-]/.test(usName)) return usName;
  const british = cached(zoneNameFormats, timeZone, () => {
    return new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" });
  })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value;
  return british && /^[A-Z]{3,5}$/.test(british) ? british : usName;
}

/**
 * "Tue, Dec 8, 2026, 7:00 PM EST": an instant as the clocks read it in `timeZone`, with
 * the zone's abbreviation. Event times are given the venue's zone (a listing's
 * `timeZone`), so every page and email shows the time on the ticket, wherever it is read;
 * other instants (when an order was placed) read in UTC, labelled as such.
 */
export function formatDateTime(value: string | Date, timeZone = "UTC"): string {
  const instant = new Date(value);
  const format = cached(dateTimeFormats, timeZone, () => {
    return new Intl.DateTimeFormat(LOCALE, { ...dateTimeOptions, timeZone });
  });
  return format
    .formatToParts(instant)
    .map((p) => (p.type === "timeZoneName" ? zoneName(instant, timeZone, p.value) : p.value))
    .join("");
}

/** "Dec 8, 2026": the calendar day of an instant in `timeZone` (UTC unless given). */
export function formatDate(value: string | Date, timeZone = "UTC"): string {
  const format = cached(dateFormats, timeZone, () => {
    return new Intl.DateTimeFormat(LOCALE, {
      year: "numeric",
      month: "short",
      day: "numeric",
      timeZone,
    });
  });
  return format.format(new Date(value));
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
