import {
  CreateOrderInput,
  Order,
  OrderHistoryInput,
  OrderIdInput,
  OrderPage,
} from "@tx/api-contracts";
import { authedProcedure, operatorRouter, router, systemRouter } from "@tx/service-kit";
import pkg from "../../package.json" with { type: "json" };
import { cancelOwnOrder } from "../procedures/cancel";
import { createOrder } from "../procedures/create";
import { getOrder } from "../procedures/get";
import { orderHistory } from "../procedures/history";

export const ordersRouter = router({
  system: systemRouter("orders", pkg.version),
  operator: operatorRouter("orders"),
  create: authedProcedure
    .input(CreateOrderInput)
    .output(Order)
    .mutation(({ ctx, input }) => createOrder(ctx, input)),
  cancel: authedProcedure
    .input(OrderIdInput)
    .output(Order)
    .mutation(({ ctx, input }) => cancelOwnOrder(ctx, input)),
  get: authedProcedure
    .input(OrderIdInput)
    .output(Order)
    .query(({ ctx, input }) => getOrder(ctx, input)),
  history: authedProcedure
    .input(OrderHistoryInput)
    .output(OrderPage)
    .query(({ ctx, input }) => orderHistory(ctx, input)),
});

export type OrdersRouter = typeof ordersRouter;
