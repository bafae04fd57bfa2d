import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { publishRaw } from "@tx/test-kit";
import { newAccount, pageErrors, registered } from "./accounts";
import { OPERATOR_EMAIL } from "./global-setup";
import { screenshotAtEveryWidth, screenshotsTag } from "./screenshots";

const natsUrl = () => {
  const url = process.env.E2E_NATS_URL;
  if (!url) throw new Error("E2E_NATS_URL is not set (global-setup sets it)");
  return url;
};

/** A ticket.created whose price breaks the catalog: the orders service cannot take it. */
function malformedListing(title: string) {
  const hex = () => randomBytes(12).toString("hex");
  return {
    id: randomUUID(),
    type: "ticket.created",
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    data: {
      id: hex(),
      version: 0,
      title,
      price: { amount: -500, currency: "USD" },
      quantity: 1,
      total: { amount: -500, currency: "USD" },
      eventDate: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      venue: "Hall",
      city: "Leeds",
      sellerId: hex(),
      status: "available",
    },
  };
}

test("the operator page and the queue board do not exist for anyone but an operator", async ({
  page,
}) => {
  for (const path of ["/operator", "/operator/queues"]) {
    const anonymous = await page.goto(path);
    expect(anonymous?.status(), path).toBe(404);
  }
  await registered(page, newAccount("Nora Nobody"));
  const refused = await page.goto("/operator");
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect((await page.goto("/operator/queues"))?.status()).toBe(404);
  // Nor can the browser call the services' operator procedures through the proxy.
  const proxied = await page.request.get("/api/trpc/orders/operator.overview");
  expect(proxied.status()).toBe(404);
  await page.goto("/account");
  await expect(page.getByRole("link", { name: "Operations" })).toHaveCount(0);
});

test("an operator sees a malformed message in the dead letters, corrects and replays it, and opens the queue board", {
  tag: screenshotsTag,
}, async ({ page }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  await registered(page, {
    name: "Olive Operator",
    email: OPERATOR_EMAIL,
    password: "analytical engine operator",
  });
  const title = `Malformed ${randomUUID().slice(0, 6)}`;
  const envelope = malformedListing(title);
  await publishRaw(natsUrl(), "ticket.created", JSON.stringify(envelope));

  await page.goto("/account");
  await page.getByRole("link", { name: "Operations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: title });
  await expect
    .poll(
      async () => {
        if (await card.isVisible()) return true;
        await page.reload();
        return false;
      },
      { timeout: 20_000, message: "the dead letter on the operator page" },
    )
    .toBe(true);
  await expect(card.getByRole("heading", { name: "ticket.created" })).toBeVisible();
  await expect(card.getByText(/Orders \(fails its schema\)/)).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Orders");
  await screenshotAtEveryWidth(page, "operator");

  // Replayed as it is, it would fail again: refused, with the reason.
  await card.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByRole("status")).toContainText("Not replayed");
  // Corrected, it goes through and leaves the dead letters.
  const corrected = {
    ...envelope,
    data: {
      ...envelope.data,
      price: { amount: 500, currency: "USD" },
      total: { amount: 500, currency: "USD" },
    },
  };
  const again = page.getByRole("listitem").filter({ hasText: title });
  await again.getByLabel(/Payload/).fill(JSON.stringify(corrected, null, 2));
  await again.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByRole("status")).toContainText("Replayed");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // A second one, discarded.
  const other = malformedListing(`Discard ${randomUUID().slice(0, 6)}`);
  await publishRaw(natsUrl(), "ticket.created", JSON.stringify(other));
  const discardCard = page.getByRole("listitem").filter({ hasText: other.data.title });
  await expect
    .poll(
      async () => {
        await page.goto("/operator");
        return discardCard.isVisible();
      },
      { timeout: 20_000, message: "the second dead letter" },
    )
    .toBe(true);
  await discardCard.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByRole("status")).toContainText("Discarded");
  await expect(page.getByRole("listitem").filter({ hasText: other.data.title })).toHaveCount(0);

  // The expiration queue's board, through the web app with the operator's token.
  await page.getByRole("link", { name: "Open the queue board" }).click();
  await expect(page).toHaveURL(/\/operator\/queues/);
  await expect(page.getByText("order-expiration").first()).toBeVisible({ timeout: 20_000 });
  await screenshotAtEveryWidth(page, "operator-queues");
  expect(errors).toEqual([]);
});
