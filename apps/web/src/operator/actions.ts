"use server";

import { ServiceName } from "@tx/api-contracts";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { UNAVAILABLE } from "@/forms/form-errors";
import { serverApi } from "@/trpc/server";
import { serviceError } from "@/trpc/service-error";
import { operatorSession } from "./access";

/** The dead letters of one message, as the page's form names them. */
const Letters = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "not JSON" });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(z.object({ service: ServiceName, seq: z.number().int().positive() }))
      .min(1)
      .max(6),
  );

/** Back to the page with what happened, readable without any script. */
function done(notice: string, tone: "success" | "danger"): never {
  revalidatePath("/operator");
  redirect(`/operator?${new URLSearchParams({ notice, tone })}`);
}

async function lettersOf(form: FormData) {
  // Operators only; everyone else gets the page's 404 (the services check again).
  if (!(await operatorSession())) redirect("/operator");
  const letters = Letters.safeParse(form.get("letters"));
  if (!letters.success) done("That dead letter is not known.", "danger");
  return letters.data;
}

/**
 * Replays one message: the payload (as the operator may have corrected it) is republished
 * once, by the first service that holds a dead letter of it, to every consumer of its
 * subject; the other copies are discarded, since the replay reaches them too.
 */
export async function replayDeadLetter(form: FormData): Promise<void> {
  const [first, ...others] = await lettersOf(form);
  if (!first) done("That dead letter is not known.", "danger");
  const payload = form.get("payload");
  const api = await serverApi();
  try {
    await api[first.service].operator.deadLetters.replay.mutate({
      seq: first.seq,
      ...(typeof payload === "string" && payload.trim() ? { payload: payload.trim() } : {}),
    });
  } catch (err) {
    const refusal = serviceError(err);
    const why = refusal?.fieldErrors.payload ?? refusal?.message ?? UNAVAILABLE;
    done(`Not replayed: ${why}`, "danger");
  }
  for (const other of others) {
    await api[other.service].operator.deadLetters.discard
      .mutate({ seq: other.seq })
      .catch(() => undefined);
  }
  done("Replayed: the message was published to its subject again.", "success");
}

export async function discardDeadLetter(form: FormData): Promise<void> {
  const letters = await lettersOf(form);
  const api = await serverApi();
  try {
    for (const l of letters)
      await api[l.service].operator.deadLetters.discard.mutate({ seq: l.seq });
  } catch (err) {
    done(`Not discarded: ${serviceError(err)?.message ?? UNAVAILABLE}`, "danger");
  }
  done("Discarded.", "success");
}
