import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";
import {
  canonicalTimeZone,
  instantOf,
  LocalDate,
  localDateOf,
  localDateTimeOf,
  TimeZone,
  timeZoneNames,
  zoneOfCity,
} from "./time-zones";

describe("venue time zones", () => {
  it("accepts the platform's zones and UTC, refuses others", () => {
    expect(TimeZone.parse("America/New_York")).toBe("America/New_York");
    expect(TimeZone.parse("UTC")).toBe("UTC");
    expect(TimeZone.safeParse("Mars/Olympus_Mons").success).toBe(false);
    expect(TimeZone.safeParse("").success).toBe(false);
    expect(timeZoneNames()).toContain("Europe/London");
  });

  it("stores an alias by the platform's own name", () => {
    const kolkata = canonicalTimeZone("Asia/Kolkata");
    expect(kolkata === "Asia/Kolkata" || kolkata === "Asia/Calcutta").toBe(true);
    expect(timeZoneNames()).toContain(kolkata);
  });

  it("knows the demo's cities, whatever their case and accents", () => {
    expect(zoneOfCity("New York")).toBe("America/New_York");
    expect(zoneOfCity("  new   york ")).toBe("America/New_York");
    expect(zoneOfCity("London")).toBe("Europe/London");
    expect(zoneOfCity("Zürich")).toBe("Europe/Zurich");
    expect(zoneOfCity("Atlantis")).toBeUndefined();
  });

  it("reads the venue-local day and time of an instant", () => {
    // 23:30 in New York on Dec 8 is already Dec 9 in UTC.
    const late = new Date("2026-12-09T04:30:00Z");
    expect(localDateOf(late, "America/New_York")).toBe("2026-12-08");
    expect(localDateOf(late, "Europe/London")).toBe("2026-12-09");
    expect(localDateTimeOf(late, "America/New_York")).toBe("2026-12-08T23:30");
  });

  it("turns a venue's wall-clock time into the instant, in winter and in summer", () => {
    expect(instantOf("2026-12-08T19:00", "America/New_York").toISOString()).toBe(
      "2026-12-09T00:00:00.000Z",
    );
    expect(instantOf("2026-07-08T19:00", "America/New_York").toISOString()).toBe(
      "2026-07-08T23:00:00.000Z",
    );
    expect(instantOf("2026-07-08T19:00", "Europe/London").toISOString()).toBe(
      "2026-07-08T18:00:00.000Z",
    );
    expect(instantOf("2026-12-08T19:00", "UTC").toISOString()).toBe("2026-12-08T19:00:00.000Z");
  });

  it("reads a skipped time after the change and a repeated one as the earlier", () => {
    // New York springs forward at 2:00 on Mar 8, 2026 and falls back at 2:00 on Nov 1.
    expect(instantOf("2026-03-08T02:30", "America/New_York").toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(instantOf("2026-11-01T01:30", "America/New_York").toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("round-trips every hour of a year through the local reading", () => {
    for (const zone of ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Tokyo"]) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 * 7) {
        const local = localDateTimeOf(new Date(t), zone);
        expect(localDateTimeOf(instantOf(local, zone), zone)).toBe(local);
      }
    }
  });

  it("checks a calendar day", () => {
    expect(LocalDate.parse("2026-12-08")).toBe("2026-12-08");
    expect(LocalDate.safeParse("2026-02-30").success).toBe(false);
    expect(LocalDate.safeParse("2026-12-08T00:00").success).toBe(false);
  });
});

// Intl puts a narrow no-break space before AM/PM.
const plain = (s: string) => s.replace(/\u202f/g, " ");

describe("the shared date-time formatter", () => {
  it("shows an event at 19:00 in New York as 7:00 PM EST, or EDT in summer", () => {
    expect(plain(formatDateTime("2026-12-09T00:00:00Z", "America/New_York"))).toBe(
      "Tue, Dec 8, 2026, 7:00 PM EST",
    );
    expect(plain(formatDateTime("2026-07-08T23:00:00Z", "America/New_York"))).toBe(
      "Wed, Jul 8, 2026, 7:00 PM EDT",
    );
  });

  it("shows the same instant in London by London's clocks, with Europe's zone names", () => {
    expect(plain(formatDateTime("2026-12-09T00:00:00Z", "Europe/London"))).toBe(
      "Wed, Dec 9, 2026, 12:00 AM GMT",
    );
    expect(plain(formatDateTime("2026-07-08T23:00:00Z", "Europe/London"))).toBe(
      "Thu, Jul 9, 2026, 12:00 AM BST",
    );
    expect(plain(formatDateTime("2026-07-08T23:00:00Z", "Europe/Paris"))).toBe(
      "Thu, Jul 9, 2026, 1:00 AM CEST",
    );
  });

  it("falls back to an offset where no abbreviation exists, and to UTC without a zone", () => {
    expect(plain(formatDateTime("2026-12-09T00:00:00Z", "Asia/Tokyo"))).toBe(
      "Wed, Dec 9, 2026, 9:00 AM GMT+9",
    );
    expect(plain(formatDateTime("2026-12-09T00:00:00Z"))).toBe("Wed, Dec 9, 2026, 12:00 AM UTC");
    expect(plain(formatDate("2026-12-09T04:30:00Z", "America/New_York"))).toBe("Dec 8, 2026");
  });
});
