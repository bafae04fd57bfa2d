import "server-only";
import { ObjectIdString } from "@tx/api-contracts";
import { notFound } from "next/navigation";
import { cache } from "react";
import { orNotFound } from "@/trpc/not-found";
import { serverApi } from "@/trpc/server";

/** The signed-in buyer's order by the id in the address; another buyer's is a 404. */
export const getOrder = cache(async (orderId: string) => {
  if (!ObjectIdString.safeParse(orderId).success) notFound();
  return orNotFound((await serverApi()).orders.get.query({ orderId }));
});
