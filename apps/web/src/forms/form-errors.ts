import type { z } from "zod";
import type { ServiceError } from "../trpc/service-error";

/** What a server action tells its form when it refuses: errors per field, or for the whole form. */
export type FormErrors<Field extends string> = {
  formError: string | null;
  fieldErrors: Partial<Record<Field, string>>;
};

/** What an action that emails a link answers: refused, or the address the email went to. */
export type EmailOutcome<Field extends string> =
  | { kind: "refused"; errors: FormErrors<Field> }
  | { kind: "sent"; sentTo: string };

export const UNAVAILABLE = "The service is not answering right now. Please try again in a moment.";

/** The first message for each of the form's fields; any other issue is the form's. */
export function formErrorsFromZod<Field extends string>(
  error: z.ZodError,
  fields: readonly Field[],
): FormErrors<Field> {
  return collect(
    error.issues.map((issue) => [issue.path.join("."), issue.message] as const),
    fields,
    "Please check the form.",
  );
}

/** A service's refusal (field errors from its schema or domain), or its silence. */
export function formErrorsFromService<Field extends string>(
  refusal: ServiceError | null,
  fields: readonly Field[],
): FormErrors<Field> {
  if (!refusal) return { formError: UNAVAILABLE, fieldErrors: {} };
  return collect(Object.entries(refusal.fieldErrors), fields, refusal.message);
}

function collect<Field extends string>(
  entries: readonly (readonly [string, string])[],
  fields: readonly Field[],
  fallback: string,
): FormErrors<Field> {
  const fieldErrors: Partial<Record<Field, string>> = {};
  const other: string[] = [];
  for (const [path, message] of entries) {
    const field = fields.find((f) => f === path);
    if (field) fieldErrors[field] ??= message;
    else other.push(message);
  }
  const formError = other[0] ?? (Object.keys(fieldErrors).length === 0 ? fallback : null);
  return { formError, fieldErrors };
}
