import { describe, expect, it } from "vitest";
import { orderConfirmedEmail } from "./order-confirmed";
import { orderRefundedEmail } from "./order-refunded";
import { welcomeEmail } from "./welcome";

const orderId = "6650f1c2a4b9d3e8f0a1b2c3";
const orderUrl = `https://tickets.example/orders/${orderId}`;

describe("the order confirmation", () => {
  const render = (title = "The National") =>
    orderConfirmedEmail({
      name: "Ada",
      title,
      eventDate: new Date("2027-03-14T20:00:00.000Z"),
      timeZone: "Europe/London",
      venue: "Roundhouse",
      city: "London",
      quantity: 2,
      paid: { amount: 123_450, currency: "USD" },
      orderId,
      orderUrl,
    });

  it("shows the event's time by the venue's clocks", async () => {
    const email = await orderConfirmedEmail({
      name: "Ada",
      title: "The National",
      eventDate: new Date("2027-12-09T00:00:00.000Z"),
      timeZone: "America/New_York",
      venue: "Madison Square Garden",
      city: "New York",
      quantity: 2,
      paid: { amount: 123_450, currency: "USD" },
      orderId,
      orderUrl,
    });
    expect(email.text.replace(/\u202f/g, " ")).toContain("Wed, Dec 8, 2027, 7:00 PM EST");
    expect(email.html.replace(/\u202f/g, " ")).toContain("Wed, Dec 8, 2027, 7:00 PM EST");
  });

  it("names the event, the amount paid and the order number, with a link to the order", async () => {
    const email = await render();
    expect(email.subject).toBe("Order confirmed: The National");
    for (const part of [email.html, email.text]) {
      expect(part).toContain("The National");
      expect(part).toContain("$1,234.50");
      expect(part.replace(/\u202f/g, " ")).toContain("Sun, Mar 14, 2027, 8:00 PM GMT");
      expect(part).toContain("Roundhouse, London");
      expect(part).toContain(orderId);
      expect(part).toContain(orderUrl);
    }
  });

  it("is drawn in the product's palette with inline styles", async () => {
    const { html } = await render();
    for (const colour of ["#003049", "#001B29", "#E0F4FF", "#669BBC", "#FCBF49"]) {
      expect(html).toContain(colour);
    }
    expect(html).not.toMatch(/<style|<script|<link/);
  });

  it("escapes a hostile title and keeps the subject on one line", async () => {
    const email = await render('Gig\r\nBcc: victim@example.com <img src=x onerror="alert(1)">');
    expect(email.subject).toBe(
      'Order confirmed: Gig Bcc: victim@example.com <img src=x onerror="alert(1)">',
    );
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;img");
  });
});

describe("the refund notice", () => {
  const render = (reason: "order_expired" | "order_cancelled") =>
    orderRefundedEmail({
      name: "Ada",
      title: "The National",
      refunded: { amount: 5_000, currency: "EUR" },
      reason,
      orderId,
      orderUrl,
    });

  it("says how much went back and why, in plain words", async () => {
    const expired = await render("order_expired");
    expect(expired.subject).toBe("Refund issued: The National");
    expect(expired.text).toContain("€50.00");
    expect(expired.text).toContain("your hold on the tickets had expired");
    expect(expired.text).toContain(orderId);
    expect(expired.html).toContain(orderUrl);
    const cancelled = await render("order_cancelled");
    expect(cancelled.text).toContain("the order was cancelled");
  });
});

describe("the welcome email", () => {
  it("greets the new user by name and links to the listings", async () => {
    const email = await welcomeEmail({ name: "Ada", browseUrl: "https://tickets.example/" });
    expect(email.subject).toBe("Welcome to Ticket Exchange");
    expect(email.text).toContain("Welcome, Ada");
    expect(email.html).toContain('href="https://tickets.example/"');
  });
});

describe("the delivery emails", () => {
  const event = {
    title: "The National",
    eventDate: new Date("2027-03-14T20:00:00.000Z"),
    venue: "Roundhouse",
    city: "London",
    quantity: 2,
  };
  const deadline = new Date("2027-03-12T20:00:00.000Z");

  it("each says what happened in its subject and heading, with the facts that matter", async () => {
    const { ticketsReadyEmail } = await import("./tickets-ready");
    const { transferRequestedEmail } = await import("./transfer-requested");
    const { ticketsTransferredEmail } = await import("./tickets-transferred");
    const { deliveryRefundedEmail } = await import("./delivery-refunded");
    const { saleFailedEmail } = await import("./sale-failed");
    const myListingsUrl = "https://tickets.example/my-listings";
    const cases = [
      [
        await ticketsReadyEmail({ ...event, name: "Ada", files: 2, orderId, orderUrl }),
        "Your tickets are ready to download: The National",
        ["your 2 e-tickets", orderUrl, "Sun, Mar 14, 2027, 8:00 PM UTC"],
      ],
      [
        await transferRequestedEmail({
          ...event,
          name: "Sam",
          buyerEmail: "ada@example.com",
          deadline,
          myListingsUrl,
        }),
        "Transfer your tickets: The National",
        ["ada@example.com", "Fri, Mar 12, 2027, 8:00 PM UTC", myListingsUrl, "refunded in full"],
      ],
      [
        await ticketsTransferredEmail({
          ...event,
          name: "Ada",
          reference: "AXS 7731",
          orderId,
          orderUrl,
        }),
        "The seller has transferred your tickets: The National",
        ["AXS 7731", orderUrl],
      ],
      [
        await deliveryRefundedEmail({
          name: "Ada",
          title: "The National",
          refunded: { amount: 9_000, currency: "GBP" },
          orderId,
          orderUrl,
        }),
        "Your tickets did not arrive: you have been refunded",
        ["£90.00", "The National", "did not transfer the tickets"],
      ],
      [
        await saleFailedEmail({ ...event, name: "Sam", deadline, myListingsUrl }),
        "Sale cancelled: The National was not transferred in time",
        ["Fri, Mar 12, 2027, 8:00 PM UTC", "refunded the buyer"],
      ],
    ] as const;
    for (const [email, subject, facts] of cases) {
      expect(email.subject).toBe(subject);
      // Times read with a narrow no-break space before AM/PM, as Intl writes them.
      for (const fact of facts) expect(email.text.replace(/\u202f/g, " ")).toContain(fact);
      expect(email.html).not.toMatch(/<style|<script|<link/);
    }
  });
});
