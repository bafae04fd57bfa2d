"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FormErrors } from "@/forms/form-errors";

/**
 * A form's error that belongs to no field, and a way to show a server's refusal: field
 * messages beside their fields (focusing the first), the rest in the form's alert.
 */
export function useFormErrors<Values extends FieldValues>(setError: UseFormSetError<Values>) {
  const [formError, setFormError] = useState<string | null>(null);
  /** Puts each message beside its field and focuses the first. */
  const showFieldErrors = (fieldErrors: FormErrors<Path<Values>>["fieldErrors"]) => {
    const fields = Object.entries(fieldErrors) as [Path<Values>, string][];
    fields.forEach(([field, message], i) => {
      setError(field, { type: "server", message }, { shouldFocus: i === 0 });
    });
  };
  const showRefusal = (refusal: FormErrors<Path<Values>>) => {
    showFieldErrors(refusal.fieldErrors);
    setFormError(refusal.formError);
  };
  return { formError, setFormError, showRefusal, showFieldErrors };
}
