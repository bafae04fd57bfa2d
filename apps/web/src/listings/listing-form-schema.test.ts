import { ListingFields } from "@tx/api-contracts";
import { describe, expect, it } from "vitest";
import { emptyListingForm, ListingForm } from "./listing-form-schema";

const filled = {
  ...emptyListingForm,
  eventName: "The National",
  venue: "Royal Albert Hall",
  city: "London",
  eventDate: "2031-06-01T19:30",
  timeZone: "Europe/London",
  section: "Stalls",
  quantity: "2",
  currency: "GBP" as const,
  pricePerTicket: "65.50",
  faceValuePerTicket: "70",
};

describe("ListingForm", () => {
  it("asks a download for one uploaded file per ticket, beside the delivery field", () => {
    const id = "65f1c0ffee0000000000abcd";
    const short = ListingForm.safeParse({
      ...filled,
      delivery: { method: "download", fileIds: [id] },
    });
    expect(short.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["delivery", "Upload 2 files, one for each ticket (1 so far)."],
    ]);
    const two = ListingForm.parse({
      ...filled,
      delivery: { method: "download", fileIds: [id, "65f1c0ffee0000000000abce"] },
    });
    expect(two.delivery).toEqual({
      method: "download",
      fileIds: [id, "65f1c0ffee0000000000abce"],
    });
    // Files chosen before switching to a transfer are not sent.
    expect(
      ListingForm.parse({ ...filled, delivery: { method: "transfer", fileIds: [id] } }).delivery,
    ).toEqual({ method: "transfer" });
  });

  it("turns what the seller typed into the contract's ListingFields", () => {
    const fields = ListingForm.parse(filled);
    expect(fields).toEqual({
      eventName: "The National",
      venue: "Royal Albert Hall",
      city: "London",
      // 19:30 in London in June is 18:30 UTC (British Summer Time).
      eventDate: "2031-06-01T18:30:00.000Z",
      timeZone: "Europe/London",
      section: "Stalls",
      quantity: 2,
      currency: "GBP",
      pricePerTicket: 6550,
      faceValuePerTicket: 7000,
      delivery: { method: "transfer" },
    });
    // What the server action receives passes the contract unchanged.
    expect(ListingFields.parse(fields)).toEqual(fields);
  });

  it("applies the contract's rules to the converted values, on the same fields", () => {
    const result = ListingForm.safeParse({
      ...filled,
      eventName: " ",
      eventDate: "2001-01-01T10:00",
      pricePerTicket: "0.50",
      faceValuePerTicket: "abc",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]),
    );
    expect(messages).toEqual({
      eventName: "Enter the event name.",
      eventDate: "The event must be in the future.",
      pricePerTicket: "The least is 1.00.",
      faceValuePerTicket: "Enter an amount like 45 or 45.50.",
    });
  });
});

describe("ListingForm's venue zone", () => {
  it("reads the time by the venue's clocks", () => {
    const ny = ListingForm.parse({
      ...filled,
      city: "New York",
      timeZone: "America/New_York",
      eventDate: "2031-12-08T19:00",
    });
    expect(ny.eventDate).toBe("2031-12-09T00:00:00.000Z");
  });

  it("refuses a zone that is not on the platform's list, on its field", () => {
    const result = ListingForm.safeParse({ ...filled, timeZone: "Mars/Olympus_Mons" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["timeZone"]);
  });
});
