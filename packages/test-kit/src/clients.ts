/**
 * Typed tRPC clients for tests, over HTTP as a client from outside calls the services: a
 * renamed procedure or field breaks the test at compile time, not at run time.
 */
import {
  createTRPCClient,
  httpLink,
  type TRPCClient,
  TRPCClientError,
  type TRPCLink,
} from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import type {
  AuthSession,
  ConfirmRegistrationInput,
  CreateListingInput,
  CreateOrderInput,
  Listing,
  ListingIdInput,
  Order,
  OrderIdInput,
  RegisterInput,
  RegistrationReceived,
  SignInInput,
} from "@tx/api-contracts";
import type { TrpcResult } from "./trpc-http";

/** A typed client of one service (`serviceClient<OrdersRouter>(url)`), as the token's user. */
export function serviceClient<R extends AnyTRPCRouter>(
  serviceUrl: string,
  accessToken?: string,
): TRPCClient<R> {
  // Built for any router; every service shares service-kit's root (no transformer).
  const link = httpLink({
    url: `${serviceUrl}/trpc`,
    headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
  }) as TRPCLink<AnyTRPCRouter> as TRPCLink<R>;
  return createTRPCClient<R>({ links: [link] });
}

/** A typed call's answer as a test judges a refusal: the HTTP status, and the data or error. */
export async function answerOf<T>(call: Promise<T>): Promise<TrpcResult<T>> {
  try {
    return { status: 200, data: await call };
  } catch (err) {
    if (!(err instanceof TRPCClientError)) throw err;
    const data = err.data as { code?: string; httpStatus?: number } | null | undefined;
    return {
      status: data?.httpStatus ?? 0,
      error: { message: err.message, ...(data?.code ? { data: { code: data.code } } : {}) },
    };
  }
}

type Mutation<Input, Output> = { mutate: (input: Input) => Promise<Output> };
type Query<Input, Output> = { query: (input: Input) => Promise<Output> };

/*
 * The procedures the purchase steps (journeys.ts, seed.ts) call, typed by the contracts.
 * This package cannot import the services' router types (the services import it); their
 * typed clients fit these shapes, which packages/security-suite/src/typed-clients.ts
 * checks at compile time.
 */
export type AuthSteps = {
  register: Mutation<RegisterInput, RegistrationReceived>;
  confirmRegistration: Mutation<ConfirmRegistrationInput, AuthSession>;
  signIn: Mutation<SignInInput, AuthSession>;
};
export type TicketsSteps = {
  create: Mutation<CreateListingInput, Listing>;
  get: Query<ListingIdInput, Listing>;
};
export type OrdersSteps = {
  create: Mutation<CreateOrderInput, Order>;
  get: Query<OrderIdInput, Order>;
  cancel: Mutation<OrderIdInput, Order>;
};

const stepsClient =
  <Steps>() =>
  (serviceUrl: string, accessToken?: string): Steps =>
    serviceClient<AnyTRPCRouter>(serviceUrl, accessToken) as unknown as Steps;

export const authSteps = stepsClient<AuthSteps>();
export const ticketsSteps = stepsClient<TicketsSteps>();
export const ordersSteps = stepsClient<OrdersSteps>();
