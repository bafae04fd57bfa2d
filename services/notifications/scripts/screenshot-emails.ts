/**
 * Renders every email template with sample data to HTML, and screenshots each in Debian's
 * chromium at 650 px (a typical mail client's reading pane) into docs/emails/<name>.png.
 * Run: pnpm --filter @tx/notifications screenshots
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "@tx/test-kit";
import {
  accountExistsEmail,
  confirmRegistrationEmail,
  passwordChangedEmail,
  passwordResetEmail,
} from "../src/emails/account";
import { deliveryDisputedEmail } from "../src/emails/delivery-disputed";
import { deliveryRefundedEmail } from "../src/emails/delivery-refunded";
import { orderConfirmedEmail } from "../src/emails/order-confirmed";
import { orderRefundedEmail } from "../src/emails/order-refunded";
import { payoutSentEmail } from "../src/emails/payout-sent";
import type { RenderedEmail } from "../src/emails/render";
import { saleCreditedEmail } from "../src/emails/sale-credited";
import { saleFailedEmail } from "../src/emails/sale-failed";
import { ticketsReadyEmail } from "../src/emails/tickets-ready";
import { ticketsTransferredEmail } from "../src/emails/tickets-transferred";
import { transferRequestedEmail } from "../src/emails/transfer-requested";
import { welcomeEmail } from "../src/emails/welcome";

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "emails");
const orderId = "6650f1c2a4b9d3e8f0a1b2c3";
const orderUrl = `http://localhost:3000/orders/${orderId}`;
const sampleToken = `${"k".repeat(22)}.${"s".repeat(43)}`;
const myListingsUrl = "http://localhost:3000/my-listings";
const earningsUrl = "http://localhost:3000/earnings";
const event = {
  title: "Japanese Breakfast: Jubilee Tour",
  eventDate: new Date("2027-03-14T20:00:00.000Z"),
  venue: "Roundhouse",
  city: "London",
  quantity: 2,
};
const deadline = new Date("2027-03-12T20:00:00.000Z");

const samples: Record<string, Promise<RenderedEmail>> = {
  welcome: welcomeEmail({ name: "Ada Lovelace", browseUrl: "http://localhost:3000/" }),
  "order-confirmed": orderConfirmedEmail({
    name: "Ada Lovelace",
    title: "Japanese Breakfast: Jubilee Tour",
    eventDate: new Date("2027-03-14T20:00:00.000Z"),
    timeZone: "Europe/London",
    venue: "Roundhouse",
    city: "London",
    quantity: 2,
    paid: { amount: 12_450, currency: "GBP" },
    orderId,
    orderUrl,
  }),
  "order-refunded": orderRefundedEmail({
    name: "Ada Lovelace",
    title: "Japanese Breakfast: Jubilee Tour",
    refunded: { amount: 12_450, currency: "GBP" },
    reason: "order_expired",
    orderId,
    orderUrl,
  }),
  "confirm-registration": confirmRegistrationEmail({
    name: "Ada Lovelace",
    confirmUrl: `http://localhost:3000/register/confirm?token=${sampleToken}`,
    expiresAt: new Date("2027-03-15T20:00:00.000Z"),
    sentAt: new Date("2027-03-14T20:00:00.000Z"),
  }),
  "account-exists": accountExistsEmail({
    name: "Ada Lovelace",
    signInUrl: "http://localhost:3000/signin",
    resetUrl: "http://localhost:3000/forgot-password",
  }),
  "password-reset": passwordResetEmail({
    name: "Ada Lovelace",
    resetUrl: `http://localhost:3000/reset-password?token=${sampleToken}`,
    expiresAt: new Date("2027-03-14T20:30:00.000Z"),
    sentAt: new Date("2027-03-14T20:00:00.000Z"),
  }),
  "password-changed": passwordChangedEmail({
    name: "Ada Lovelace",
    via: "reset",
    changedAt: new Date("2027-03-14T20:04:00.000Z"),
    resetUrl: "http://localhost:3000/forgot-password",
  }),
  "tickets-ready": ticketsReadyEmail({
    ...event,
    name: "Ada Lovelace",
    files: 2,
    orderId,
    orderUrl,
  }),
  "transfer-requested": transferRequestedEmail({
    ...event,
    name: "Sam Seller",
    buyerEmail: "ada@example.com",
    deadline,
    myListingsUrl,
  }),
  "tickets-transferred": ticketsTransferredEmail({
    ...event,
    name: "Ada Lovelace",
    reference: "Ticketmaster transfer 55-1021",
    orderId,
    orderUrl,
  }),
  "delivery-refunded": deliveryRefundedEmail({
    name: "Ada Lovelace",
    title: event.title,
    refunded: { amount: 12_450, currency: "GBP" },
    orderId,
    orderUrl,
  }),
  "sale-failed": saleFailedEmail({ ...event, name: "Sam Seller", deadline, myListingsUrl }),
  "delivery-disputed": deliveryDisputedEmail({
    ...event,
    name: "Sam Seller",
    problem: "Nothing arrived in my Ticketmaster app.",
    myListingsUrl,
  }),
  "sale-credited": saleCreditedEmail({
    ...event,
    name: "Sam Seller",
    price: { amount: 12_450, currency: "GBP" },
    fee: { amount: 1_245, currency: "GBP" },
    net: { amount: 11_205, currency: "GBP" },
    earningsUrl,
  }),
  "payout-sent": payoutSentEmail({
    name: "Sam Seller",
    amount: { amount: 22_410, currency: "GBP" },
    sales: 2,
    reference: "po_sandbox_5c1e9a0b7d",
    sentAt: new Date("2027-03-16T06:00:00.000Z"),
    earningsUrl,
  }),
};

const htmlDir = mkdtempSync(path.join(os.tmpdir(), "tx-emails-"));
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  // A short viewport: the full-page shot then ends where the email ends.
  const page = await browser.newPage({ viewport: { width: 650, height: 200 } });
  for (const [name, rendered] of Object.entries(samples)) {
    const { subject, html } = await rendered;
    const file = path.join(htmlDir, `${name}.html`);
    writeFileSync(file, html);
    await page.goto(pathToFileURL(file).href);
    const png = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: png, fullPage: true });
    process.stdout.write(`${name}: "${subject}" -> ${path.relative(process.cwd(), png)}\n`);
  }
} finally {
  await browser.close();
  rmSync(htmlDir, { recursive: true, force: true });
}
