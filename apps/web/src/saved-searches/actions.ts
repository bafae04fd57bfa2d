"use server";

import { ListingCriteria, ObjectIdString, UnsubscribeInput } from "@tx/api-contracts";
import { revalidatePath } from "next/cache";
import { UNAVAILABLE } from "@/forms/form-errors";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";

export type SaveSearchState = { saved: boolean; message: string | null };

/** Saves the landing page's search for the signed-in buyer. */
export async function saveSearch(criteria: unknown): Promise<SaveSearchState> {
  const parsed = ListingCriteria.safeParse(criteria);
  if (!parsed.success) return { saved: false, message: "This search cannot be saved." };
  try {
    await (await serverApi()).tickets.savedSearches.save.mutate({ criteria: parsed.data });
  } catch (err) {
    return { saved: false, message: serviceError(err)?.message ?? UNAVAILABLE };
  }
  revalidatePath("/saved-searches");
  return { saved: true, message: null };
}

/** Deletes one of the buyer's saved searches; the page shows the rest. */
export async function deleteSavedSearch(id: unknown): Promise<{ message: string | null }> {
  const searchId = ObjectIdString.safeParse(id);
  if (!searchId.success) return { message: "This saved search does not exist." };
  try {
    await (await serverApi()).tickets.savedSearches.delete.mutate({ id: searchId.data });
  } catch (err) {
    return { message: serviceError(err)?.message ?? UNAVAILABLE };
  }
  revalidatePath("/saved-searches");
  return { message: null };
}

export type UnsubscribeState =
  | { done: false; message: string | null }
  | { done: true; name: string };

/** The email's unsubscribe link, pressed: no sign-in, the token's signature decides. */
export async function unsubscribe(
  token: string,
  _previous: UnsubscribeState,
): Promise<UnsubscribeState> {
  const input = UnsubscribeInput.safeParse({ token });
  if (!input.success) return { done: false, message: "This unsubscribe link is not valid." };
  try {
    const { name } = await (await serverApi()).tickets.savedSearches.unsubscribe.mutate(input.data);
    return { done: true, name };
  } catch (err) {
    return { done: false, message: serviceError(err)?.message ?? UNAVAILABLE };
  }
}
