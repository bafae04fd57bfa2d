import { PageHeading } from "@tx/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "@/auth/session";
import { OrderHistory, OrderHistorySkeleton } from "@/components/order-history";
import { pageTrail } from "@/orders/history-params";

export const metadata: Metadata = { title: "Your orders" };

type Props = { searchParams: Promise<{ after?: string | string[] }> };

export default async function OrdersPage({ searchParams }: Props) {
  await requireSession();
  const trail = pageTrail((await searchParams).after);
  return (
    <>
      <PageHeading title="Your orders" description="Every order you placed, newest first." />
      <Suspense key={trail.join(",")} fallback={<OrderHistorySkeleton />}>
        <OrderHistory trail={trail} />
      </Suspense>
    </>
  );
}
