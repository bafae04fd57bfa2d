/**
 * Demo data for the local run: a few users and about 200 realistic listings, created
 * through the services' own APIs so that every event flows and every replica fills.
 */
import {
  type AuthSession,
  type CreateListingInput,
  instantOf,
  zoneOfCity,
} from "@tx/api-contracts";
import { answerOf, authSteps, ticketsSteps } from "./clients";
import { registerConfirmed } from "./journeys";
import type { Stack } from "./stack";

export const demoUsers = [
  { name: "Sam Seller", email: "sam@example.com", password: "tickets-please-2026" },
  { name: "Rita Reseller", email: "rita@example.com", password: "tickets-please-2026" },
  { name: "Bea Buyer", email: "bea@example.com", password: "tickets-please-2026" },
] as const;

const events = [
  ["Phoebe Bridgers", 6_500],
  ["Khruangbin", 5_500],
  ["The National", 7_500],
  ["Japanese Breakfast", 4_500],
  ["Fontaines D.C.", 4_000],
  ["Big Thief", 5_000],
  ["Hamilton", 18_900],
  ["The Book of Mormon", 14_500],
  ["Arctic Monkeys", 9_500],
  ["Olivia Rodrigo", 12_500],
  ["Lakers vs Celtics", 22_000],
  ["Arsenal vs Chelsea", 9_000],
  ["Jazz at the Philharmonic", 6_000],
  ["Romeo and Juliet (Royal Ballet)", 8_500],
  ["Dave Chappelle", 11_000],
  ["Vampire Weekend", 6_800],
  ["Beyoncé: Renaissance", 25_000],
  ["Stand-up Night Live", 3_500],
  ["Billie Eilish", 15_000],
  ["Carmen (Opera)", 9_900],
] as const;

const venues = [
  ["Madison Square Garden", "New York"],
  ["The Fillmore", "San Francisco"],
  ["Red Rocks Amphitheatre", "Morrison"],
  ["Royal Albert Hall", "London"],
  ["O2 Academy Brixton", "London"],
  ["Hollywood Bowl", "Los Angeles"],
  ["The Anthem", "Washington"],
  ["Ryman Auditorium", "Nashville"],
  ["Paradiso", "Amsterdam"],
  ["Olympia", "Paris"],
  ["United Center", "Chicago"],
  ["Massey Hall", "Toronto"],
] as const;

const sections = ["Floor", "Orchestra", "Balcony", "Mezzanine", "Section 104", "Section 212", "GA"];
const notes = [
  "Mobile transfer as soon as you pay.",
  "Aisle seats, great view of the stage.",
  "Can't make it any more; selling at face value.",
  "",
  "Seats are together.",
];

/** A fixed pseudo-random sequence, so every fresh start seeds the same catalogue. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export function demoListings(count: number, now = Date.now()): CreateListingInput[] {
  const random = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  return Array.from({ length: count }, () => {
    const [eventName, face] = pick(events);
    const [venue, city] = pick(venues);
    const day = 3 + Math.floor(random() * 180);
    // An evening at the venue, by its own clocks.
    const timeZone = zoneOfCity(city) ?? "UTC";
    const hour = 19 + Math.floor(random() * 3);
    const minute = random() < 0.5 ? "00" : "30";
    const day0 = new Date(now + day * 86_400_000).toISOString().slice(0, 10);
    const date = instantOf(`${day0}T${hour}:${minute}`, timeZone);
    const faceValue = face + Math.floor(random() * 4) * 500;
    const price = Math.max(100, Math.round((faceValue * (0.7 + random() * 0.3)) / 100) * 100);
    const section = pick(sections);
    const quantity = 1 + Math.floor(random() * 4);
    const seat = 1 + Math.floor(random() * 20);
    return {
      eventName,
      venue,
      city,
      eventDate: date.toISOString(),
      timeZone,
      section,
      row: section === "GA" ? "" : String.fromCharCode(65 + Math.floor(random() * 20)),
      seats: section === "GA" ? "" : `${seat}-${seat + quantity - 1}`,
      quantity,
      currency: "USD",
      pricePerTicket: Math.min(price, faceValue),
      faceValuePerTicket: faceValue,
      note: pick(notes),
    };
  });
}

/** Signs the demo user in, or (the first time) registers and confirms them. */
async function sessionFor(
  stack: Pick<Stack, "urls" | "env">,
  user: (typeof demoUsers)[number],
): Promise<AuthSession> {
  const signedIn = await answerOf(
    authSteps(stack.urls.auth).signIn.mutate({ email: user.email, password: user.password }),
  );
  if (signedIn.data) return signedIn.data;
  const [registered] = await registerConfirmed(stack, [user]);
  if (!registered) throw new Error(`demo user ${user.email}: ${signedIn.error?.message}`);
  return registered;
}

/** Seeds users (idempotent) and, when `withListings`, the catalogue. Returns how many listings. */
export async function seedDemo(
  stack: Pick<Stack, "urls" | "env">,
  withListings: boolean,
  count = 200,
): Promise<number> {
  const { urls } = stack;
  const [sam, rita] = await Promise.all(demoUsers.map((u) => sessionFor(stack, u)));
  if (!withListings || !sam || !rita) return 0;
  let created = 0;
  const listings = demoListings(count);
  for (let i = 0; i < listings.length; i += 10) {
    const batch = await Promise.all(
      listings.slice(i, i + 10).map((listing, j) => {
        const seller = (i + j) % 3 === 0 ? rita : sam;
        return answerOf(ticketsSteps(urls.tickets, seller.accessToken).create.mutate(listing));
      }),
    );
    created += batch.filter((r) => r.data).length;
  }
  return created;
}
