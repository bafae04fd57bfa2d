import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTRPCClient } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "./gateway";
import { serviceLink } from "./links";

const requests: string[] = [];
let base = "";

// Answers every procedure of a batch the way a service's system.health would.
const server = http.createServer((req, res) => {
  requests.push(req.url ?? "");
  const url = new URL(req.url ?? "/", "http://localhost");
  const [, service = "", procedures = ""] = url.pathname.split("/");
  const result = (path: string) => ({ result: { data: { service, path } } });
  const paths = decodeURIComponent(procedures).split(",");
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify(url.searchParams.get("batch") ? paths.map(result) : result(paths[0] ?? "")),
  );
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("serviceLink", () => {
  it("sends each call to the service named by its first path segment, without that segment", async () => {
    requests.length = 0;
    const client = createTRPCClient<Gateway>({
      links: [serviceLink({ url: (service) => `${base}/${service}` })],
    });

    const [auth, tickets, ticketsAgain] = await Promise.all([
      client.auth.system.health.query(),
      client.tickets.system.health.query(),
      client.tickets.system.health.query(),
    ]);

    expect(auth).toEqual({ service: "auth", path: "system.health" });
    expect(tickets).toEqual({ service: "tickets", path: "system.health" });
    expect(ticketsAgain).toEqual(tickets);
    // One batch per service: calls to the same service share a request.
    expect(requests.map((r) => r.split("?")[0]).sort()).toEqual([
      "/auth/system.health",
      "/tickets/system.health,system.health",
    ]);
  });

  it("rejects, rather than hangs, when a service's URL cannot be resolved", async () => {
    const client = createTRPCClient<Gateway>({
      links: [
        serviceLink({
          url: (service) => {
            throw new Error(`no URL for ${service}`);
          },
        }),
      ],
    });
    await expect(client.orders.system.health.query()).rejects.toThrow("no URL for orders");
  });
});
