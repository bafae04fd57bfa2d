import type http from "node:http";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Queue } from "bullmq";

/** Where the board answers, here and (proxied, after the same operator check) in the web app. */
export const BOARD_PATH = "/operator/queues";

/**
 * bull-board for the expiration queue: the operator's view of every hold's job (delayed,
 * waiting, active, failed), with retry and remove. Mounted behind operatorOnly().
 */
export function queueBoard(queue: Queue): http.RequestListener {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(queue)],
    serverAdapter,
    options: { uiConfig: { boardTitle: "Ticket Exchange: holds" } },
  });
  const app = serverAdapter.getRouter() as http.RequestListener;
  return (req, res) => {
    // Express routes below its mount point: strip the base path as a mount would.
    const url = req.url ?? "/";
    req.url = url.startsWith(BOARD_PATH) ? url.slice(BOARD_PATH.length) || "/" : url;
    app(req, res);
  };
}
