import { notFound } from "next/navigation";
import { serviceError } from "./service-error";

/**
 * A service's answer, or the app's 404 page when it said NOT_FOUND (a deleted listing,
 * another buyer's order, an id that never existed). Any other failure is thrown on.
 */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (serviceError(err)?.code === "NOT_FOUND") notFound();
    throw err;
  }
}
