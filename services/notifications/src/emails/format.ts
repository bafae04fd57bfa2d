import type { Currency, RefundReason } from "@tx/api-contracts";

// Made once per currency and once for dates: building an Intl formatter costs far more than using it.
const moneyFormats = new Map<Currency, { format: Intl.NumberFormat; digits: number }>();
const eventDateFormat = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
});

/** Integer minor units to a display amount: 1999 USD -> "$19.99". */
export function formatMoney(amount: number, currency: Currency): string {
  let money = moneyFormats.get(currency);
  if (!money) {
    const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    // The currency's own number of decimals, not an assumed 100 minor units per unit.
    money = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    moneyFormats.set(currency, money);
  }
  return money.format.format(amount / 10 ** money.digits);
}

/** An event's date and time as the listing gave it (stored in UTC; venues' zones are not known). */
export function formatEventDate(date: Date): string {
  return `${eventDateFormat.format(date)} UTC`;
}

/** Why the money went back, in plain words: a short label, the "because" clause, what it means. */
export function refundExplanation(reason: RefundReason): {
  label: string;
  because: string;
  outcome: string;
} {
  switch (reason) {
    case "order_expired":
      return {
        label: "Your hold had expired",
        because: "your hold on the tickets had expired before the payment arrived",
        outcome: "The tickets went back on sale, and the full amount is on its way back to you.",
      };
    case "order_cancelled":
      return {
        label: "The order was cancelled",
        because: "the order was cancelled before the payment arrived",
        outcome: "The full amount is on its way back to you.",
      };
    case "duplicate":
      return {
        label: "Duplicate payment",
        because: "the same order was paid twice",
        outcome: "This returns the second payment; your order and its tickets are unaffected.",
      };
    case "requested":
      return {
        label: "You asked for a refund",
        because: "you asked for one",
        outcome: "The order is closed.",
      };
  }
}

/** A header value on one line: no CR/LF from user-supplied names or titles. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
