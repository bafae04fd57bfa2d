"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { BaseSyntheticEvent } from "react";
import {
  type DefaultValues,
  type FieldError,
  type FieldValues,
  get,
  type Path,
  type SubmitHandler,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import { useFormErrors } from "./use-form-errors";

/**
 * A form checked in the browser by the same schema the server parses, with the server's
 * refusals shown beside their fields (useFormErrors). `field(name)` is what a TextField or
 * SelectField takes: its registration and its message; `submitWith(handler)` is the onSubmit.
 */
export function useSchemaForm<Input extends FieldValues, Output extends FieldValues>(
  schema: z.ZodType<Output, Input>,
  defaultValues: DefaultValues<Input>,
) {
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues });
  const errors = useFormErrors(form.setError);
  const field = (name: Path<Input>) => ({
    error: (get(form.formState.errors, name) as FieldError | undefined)?.message,
    ...form.register(name),
  });
  /** The form's onSubmit: checks the fields, then runs `handler` (React does not await it). */
  const submitWith = (handler: SubmitHandler<Output>) => (event?: BaseSyntheticEvent) => {
    void form.handleSubmit(handler)(event);
  };
  return { ...form, ...errors, field, submitWith };
}
