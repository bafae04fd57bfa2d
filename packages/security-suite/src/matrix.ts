import type { AuthSession, ServiceName } from "@tx/api-contracts";
import { type Stack, serviceClient, trpcMutation } from "@tx/test-kit";
import type { TicketsRouter } from "@tx/tickets/router";
import { unsubscribeToken } from "@tx/tickets/unsubscribe-token";
import {
  aliceListing,
  bobsOrder,
  bobsTransfer,
  deadLetterOf,
  mallorysPurchase,
  type People,
} from "./fixtures";

type Ctx = { stack: Stack; p: People };
type Input = (ctx: Ctx) => Promise<unknown> | unknown;

/**
 * Who may call what. `public`: anyone. `signed-in`: any signed-in user, about themselves.
 * `owner`: only the owner of the thing named in the input; another user gets `other`.
 * `operator`: only accounts in OPERATOR_EMAILS (Olive); to everyone else, signed in or
 * not, the procedure does not exist (404).
 */
export type Rule =
  | { access: "public"; input?: Input }
  | {
      access: "signed-in";
      input?: Input;
      /** What an allowed caller gets, when not 200 (a step the stack's setup cannot take). */
      answers?: number;
    }
  | {
      access: "owner";
      owner: keyof People;
      other: 403 | 404;
      input: Input;
      /** Others who may call it too (a sale's seller as well as its buyer). */
      alsoAllowed?: (keyof People)[];
    }
  | { access: "operator"; input?: Input };

const future = () => new Date(Date.now() + 20 * 86_400_000).toISOString();
const listingFields = {
  eventName: "Matrix",
  venue: "Hall",
  city: "Leeds",
  eventDate: future(),
  timeZone: "Europe/London",
  quantity: 1,
  currency: "USD",
  pricePerTicket: 2_000,
  faceValuePerTicket: 2_000,
};
const billing = { name: "B", line1: "1 Road", city: "Leeds", postalCode: "LS1", country: "GB" };
const system: Record<string, Rule> = {
  "system.health": { access: "public" },
  "system.whoami": { access: "signed-in" },
};

// --- Issue 18: registration by emailed link, password reset and change ---
const password = "correct horse battery staple";
const forgedLink = `${"A".repeat(22)}.${"B".repeat(43)}`;
const issue18Auth: Record<string, Rule> = {
  // A link token is the authority; a made-up one is refused as a bad request.
  confirmRegistration: { access: "public", input: () => ({ token: forgedLink }) },
  // The same answer for any email, signed in or not.
  requestPasswordReset: { access: "public", input: ({ p }) => ({ email: p.mallory.user.email }) },
  resetPassword: {
    access: "public",
    input: () => ({ token: forgedLink, password: `${password}!` }),
  },
  changePassword: {
    access: "signed-in",
    // Moves Mallory's password away first, so the call under test moves it back.
    input: async ({ stack, p }) => {
      const away = `${password} (moved)`;
      const moved = await trpcMutation(
        stack.urls.auth,
        "changePassword",
        { currentPassword: password, newPassword: away },
        p.mallory.accessToken,
      );
      if (moved.status !== 200) throw new Error(`changePassword setup: ${moved.error?.message}`);
      return { currentPassword: away, newPassword: password };
    },
  },
};

// Issue 17: the operator's view, mounted by every service.
const operator = (service: ServiceName): Record<string, Rule> => ({
  "operator.overview": { access: "operator" },
  "operator.deadLetters.list": { access: "operator", input: () => ({ limit: 10 }) },
  "operator.deadLetters.replay": {
    access: "operator",
    input: async (c) => ({ seq: await deadLetterOf(c.stack, service) }),
  },
  "operator.deadLetters.discard": {
    access: "operator",
    input: async (c) => ({ seq: await deadLetterOf(c.stack, service) }),
  },
});
/** Issue 23: one of Alice's saved searches. */
const aliceSavedSearch = ({ stack, p }: Ctx) =>
  serviceClient<TicketsRouter>(stack.urls.tickets, p.alice.accessToken).savedSearches.save.mutate({
    criteria: { q: `authz ${Date.now()}` },
  });

/** Every procedure of every service must have a rule here, or the matrix test fails. */
export const matrix: Record<ServiceName, Record<string, Rule>> = {
  auth: {
    ...system,
    ...operator("auth"),
    register: {
      access: "public",
      input: () => ({
        email: `m${Date.now()}${Math.random()}@example.com`,
        name: "M",
        password: "correct horse battery",
      }),
    },
    signIn: {
      access: "public",
      input: ({ p }) => ({ email: p.mallory.user.email, password: "correct horse battery staple" }),
    },
    // A fresh session's token: a password change (below) ends Mallory's earlier sessions.
    refresh: {
      access: "public",
      input: async ({ stack, p }) => {
        const session = await trpcMutation<AuthSession>(stack.urls.auth, "signIn", {
          email: p.mallory.user.email,
          password,
        });
        return { refreshToken: session.data?.refreshToken };
      },
    },
    // Holding a refresh token is the authority to end its session.
    signOut: { access: "public", input: () => ({ refreshToken: "x".repeat(43) }) },
    me: { access: "signed-in" },
    ...issue18Auth,
  },
  tickets: {
    ...system,
    ...operator("tickets"),
    list: { access: "public", input: () => ({}) },
    get: { access: "public", input: async (c) => ({ id: (await aliceListing(c.stack, c.p)).id }) },
    mine: { access: "signed-in" },
    create: { access: "signed-in", input: () => listingFields },
    update: {
      access: "owner",
      owner: "alice",
      other: 403,
      input: async (c) => ({
        id: (await aliceListing(c.stack, c.p)).id,
        changes: { ...listingFields, eventDate: future() },
      }),
    },
    delete: {
      access: "owner",
      owner: "alice",
      other: 403,
      input: async (c) => ({ id: (await aliceListing(c.stack, c.p)).id }),
    },
    // --- Issue 23: live availability (a subscription: its first event is the answer) ---
    live: {
      access: "public",
      input: async (c) => ({ ids: [(await aliceListing(c.stack, c.p)).id] }),
    },
    // --- Issue 23: saved searches ---
    "savedSearches.save": { access: "signed-in", input: () => ({ criteria: { q: "matrix" } }) },
    "savedSearches.list": { access: "signed-in" },
    "savedSearches.delete": {
      access: "owner",
      owner: "alice",
      other: 404,
      input: async (c) => ({ id: (await aliceSavedSearch(c)).id }),
    },
    // Public: the email's link, signed with the stack's secret, is the authority.
    "savedSearches.unsubscribe": {
      access: "public",
      input: async (c) => {
        const secret = c.stack.env.SAVED_SEARCH_SECRET;
        if (!secret) throw new Error("the stack sets SAVED_SEARCH_SECRET");
        return { token: unsubscribeToken(secret, (await aliceSavedSearch(c)).id) };
      },
    },
    // Issue 21: delivery. Mallory, the intruder, has bought another of Alice's listings:
    // she is also "the buyer of another order". The files' raw routes: delivery-files.test.ts.
    "delivery.forOrder": {
      access: "owner",
      owner: "bob",
      alsoAllowed: ["alice"],
      other: 404,
      input: async (c) => ({ orderId: (await bobsTransfer(c.stack, c.p)).order.id }),
    },
    "delivery.ofListing": {
      access: "owner",
      owner: "alice",
      other: 404,
      input: async (c) => {
        await mallorysPurchase(c.stack, c.p);
        return { id: (await aliceListing(c.stack, c.p)).id };
      },
    },
    "delivery.reportTransfer": {
      access: "owner",
      owner: "alice",
      other: 404,
      input: async (c) => ({
        ticketId: (await bobsTransfer(c.stack, c.p)).listing.id,
        reference: "AXS 1",
      }),
    },
    "delivery.confirm": {
      access: "owner",
      owner: "bob",
      other: 404,
      input: async (c) => ({ orderId: (await bobsTransfer(c.stack, c.p, true)).order.id }),
    },
    "delivery.reportProblem": {
      access: "owner",
      owner: "bob",
      other: 404,
      input: async (c) => ({
        orderId: (await bobsTransfer(c.stack, c.p, true)).order.id,
        problem: "Nothing arrived.",
      }),
    },
  },
  orders: {
    ...system,
    ...operator("orders"),
    create: {
      access: "signed-in",
      input: async (c) => ({ ticketId: (await aliceListing(c.stack, c.p)).id }),
    },
    cancel: {
      access: "owner",
      owner: "bob",
      other: 404,
      input: async (c) => ({ orderId: (await bobsOrder(c.stack, c.p)).id }),
    },
    get: {
      access: "owner",
      owner: "bob",
      other: 404,
      input: async (c) => ({ orderId: (await bobsOrder(c.stack, c.p)).id }),
    },
    history: { access: "signed-in", input: () => ({}) },
  },
  payments: {
    ...system,
    ...operator("payments"),
    start: {
      access: "owner",
      owner: "bob",
      other: 404,
      input: async (c) => ({ orderId: (await bobsOrder(c.stack, c.p)).id }),
    },
    get: {
      access: "owner",
      owner: "bob",
      other: 404,
      input: async (c) => ({ orderId: (await bobsOrder(c.stack, c.p)).id }),
    },
    sync: {
      access: "owner",
      owner: "bob",
      other: 404,
      input: async (c) => ({ orderId: (await bobsOrder(c.stack, c.p)).id }),
    },
    "sandbox.confirm": {
      access: "owner",
      owner: "bob",
      other: 404,
      // A declined card: the owner's call succeeds without paying.
      input: async (c) => ({
        orderId: (await bobsOrder(c.stack, c.p)).id,
        card: { number: "4000000000000002", expiry: "12 / 34", cvc: "123" },
        billing,
      }),
    },
    "sandbox.authenticate": {
      access: "owner",
      owner: "bob",
      other: 404,
      input: async (c) => ({ orderId: (await bobsOrder(c.stack, c.p)).id, outcome: "fail" }),
    },
    // Issue 22: a seller's own earnings, read by the token's user (no seller id in the input:
    // payments' earnings.test.ts tries one and is refused).
    "payouts.earnings": { access: "signed-in", input: () => ({}) },
    // Only the caller's own payout account, by the token's user.
    "payouts.account": { access: "signed-in", input: () => ({}) },
    // The suite runs on the sandbox, which has no Connect account to set up: a signed-in
    // caller gets past authorization to 412 (connect.test.ts covers it with Stripe keys).
    "payouts.startOnboarding": { access: "signed-in", input: () => ({}), answers: 412 },
  },
  expiration: { ...system, ...operator("expiration") },
  notifications: { ...system, ...operator("notifications") },
};
