import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@tx/test-kit";

export { repoRoot };
export const k8sDir = path.join(repoRoot, "k8s");

/** Every overlay under k8s/overlays: a new one is checked without touching the tests. */
export function overlayNames(): string[] {
  return readdirSync(path.join(k8sDir, "overlays"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The workloads that the repository builds images for, and where their code lives. */
export const appWorkloads = {
  auth: "services/auth",
  tickets: "services/tickets",
  orders: "services/orders",
  payments: "services/payments",
  expiration: "services/expiration",
  notifications: "services/notifications",
  web: "apps/web",
} as const;
export type AppName = keyof typeof appWorkloads;
export const appNames = Object.keys(appWorkloads) as AppName[];

/** One naming convention for images: ticket-exchange/<name>, optionally behind a registry. */
export const IMAGE_PREFIX = "ticket-exchange/";

export function isAppName(name: string): name is AppName {
  return Object.hasOwn(appWorkloads, name);
}
