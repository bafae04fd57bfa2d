"use client";

import { useState, useTransition } from "react";
import type { DefaultValues, FieldValues, Path } from "react-hook-form";
import type { z } from "zod";
import type { EmailOutcome } from "./form-errors";
import { useSchemaForm } from "./use-schema-form";

/**
 * A form whose answer is an email on its way (registration, a reset link): the schema form,
 * its pending state, and, once sent, the address, which the form then shows instead of itself.
 */
export function useEmailForm<Input extends FieldValues, Output extends FieldValues>(
  schema: z.ZodType<Output, Input>,
  defaultValues: DefaultValues<Input>,
  send: (values: Output) => Promise<EmailOutcome<Path<Input>>>,
) {
  const { field, submitWith, formError, setFormError, showRefusal } = useSchemaForm(
    schema,
    defaultValues,
  );
  const [pending, startTransition] = useTransition();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const onSubmit = submitWith((values) =>
    startTransition(async () => {
      setFormError(null);
      const outcome = await send(values);
      if (outcome.kind === "sent") setSentTo(outcome.sentTo);
      else showRefusal(outcome.errors);
    }),
  );
  return { field, formError, pending, sentTo, onSubmit };
}
