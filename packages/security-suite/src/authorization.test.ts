import path from "node:path";
import { type Stack, startStack } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./call";
import {
  aliceDownloadListing,
  buy,
  mallorysPurchase,
  OPERATOR_EMAIL,
  type People,
  people,
  ticketPdf,
  uploadFile,
} from "./fixtures";
import { matrix } from "./matrix";
import { allProcedures } from "./procedures";

const infra = withInfra();
const procedures = allProcedures();
let stack: Stack;
let p: People;

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    // Bob holds a new listing for each rule that needs his order: the hold cap and the
    // per-buyer rates (tested in orders and payments) are not what this tests.
    env: {
      LOG_LEVEL: "warn",
      OPERATOR_EMAILS: OPERATOR_EMAIL,
      ORDER_MAX_LIVE_HOLDS: "100",
      ORDER_CREATE_PER_USER: "1000/60",
      PAYMENT_START_PER_USER: "1000/60",
    },
  });
  p = await people(stack);
}, 180_000);
afterAll(async () => stack?.stop());

describe("the authorization matrix", () => {
  it("has a rule for every procedure of every router, and no rule for one that is gone", () => {
    const known = new Set(procedures.map((x) => `${x.service}.${x.path}`));
    const ruled = new Set(
      Object.entries(matrix).flatMap(([s, rules]) => Object.keys(rules).map((r) => `${s}.${r}`)),
    );
    expect([...known].filter((k) => !ruled.has(k))).toEqual([]);
    expect([...ruled].filter((r) => !known.has(r))).toEqual([]);
  });

  it.each(procedures.map((x) => [`${x.service}.${x.path}`, x] as const))(
    "%s",
    async (_name, procedure) => {
      const rule = matrix[procedure.service][procedure.path];
      if (!rule) throw new Error("no rule");
      const ctx = { stack, p };
      const input = rule.input ? await rule.input(ctx) : undefined;
      const anonymous = await call(stack, procedure, input);
      if (rule.access === "operator") {
        const forged = `${p.olive.accessToken.slice(0, -4)}AAAA`;
        for (const token of [undefined, forged, p.mallory.accessToken, p.alice.accessToken]) {
          const refused = await call(stack, procedure, input, token);
          expect(refused.status).toBe(404);
          expect(refused.error?.message).toBeTruthy();
        }
        const operator = await call(stack, procedure, input, p.olive.accessToken);
        expect(operator.status, JSON.stringify(operator.error)).toBe(200);
        return;
      }
      if (rule.access === "public") {
        expect([401, 403]).not.toContain(anonymous.status);
        return;
      }
      expect(anonymous.status).toBe(401);
      expect(anonymous.error?.message).toBeTruthy();
      const forged = await call(
        stack,
        procedure,
        input,
        `${p.mallory.accessToken.slice(0, -4)}AAAA`,
      );
      expect(forged.status).toBe(401);
      if (rule.access === "signed-in") {
        const self = await call(stack, procedure, input, p.mallory.accessToken);
        expect(self.status, JSON.stringify(self.error)).toBe(rule.answers ?? 200);
        return;
      }
      const intruder = await call(stack, procedure, input, p.mallory.accessToken);
      expect(intruder.status).toBe(rule.other);
      const owner = await call(stack, procedure, input, p[rule.owner].accessToken);
      expect(owner.status, JSON.stringify(owner.error)).toBe(200);
      for (const also of rule.alsoAllowed ?? []) {
        const allowed = await call(stack, procedure, input, p[also].accessToken);
        expect(allowed.status, `${also}: ${JSON.stringify(allowed.error)}`).toBe(200);
      }
    },
    120_000,
  );
});

describe("the ticket files' raw routes (issue 21)", () => {
  const download = (ticketId: string, fileId: string, token?: string) =>
    fetch(`${stack.urls.tickets}/delivery/files/download?ticketId=${ticketId}&fileId=${fileId}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const forged = () => `${p.mallory.accessToken.slice(0, -4)}AAAA`;

  it("before the sale, only the seller can fetch a listing's files; everyone else gets 404", async () => {
    await mallorysPurchase(stack, p);
    const { listing, file } = await aliceDownloadListing(stack, p);
    const seller = await download(listing.id, file.id, p.alice.accessToken);
    expect(seller.status).toBe(200);
    expect(Buffer.from(await seller.arrayBuffer()).equals(ticketPdf)).toBe(true);
    for (const token of [undefined, forged(), p.bob.accessToken, p.mallory.accessToken]) {
      const res = await download(listing.id, file.id, token);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "Not found." });
    }
  });

  it("after the sale, only its buyer and its seller; anonymous, another user and the buyer of another order get 404", async () => {
    const mallorys = await mallorysPurchase(stack, p);
    const { listing, file } = await aliceDownloadListing(stack, p);
    await buy(stack, p.bob, listing);
    for (const token of [p.bob.accessToken, p.alice.accessToken]) {
      const res = await download(listing.id, file.id, token);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="ticket\.pdf"/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-type")).toBe("application/pdf");
    }
    expect(mallorys.id).toBeTruthy();
    for (const token of [undefined, forged(), p.mallory.accessToken]) {
      expect((await download(listing.id, file.id, token)).status).toBe(404);
    }
    // A file of another listing, named with this listing's id: not this listing's file.
    const { file: otherFile } = await aliceDownloadListing(stack, p);
    expect((await download(listing.id, otherFile.id, p.bob.accessToken)).status).toBe(404);
  });

  it("uploads are for signed-in users, and a listing's only by its seller while it is available", async () => {
    expect((await uploadFile(stack, undefined)).status).toBe(401);
    expect((await uploadFile(stack, forged())).status).toBe(401);
    const { listing } = await aliceDownloadListing(stack, p);
    expect((await uploadFile(stack, p.mallory.accessToken, ticketPdf, listing.id)).status).toBe(
      404,
    );
    expect((await uploadFile(stack, p.alice.accessToken, ticketPdf, listing.id)).status).toBe(201);
    await buy(stack, p.bob, listing);
    expect((await uploadFile(stack, p.alice.accessToken, ticketPdf, listing.id)).status).toBe(409);
  });
});
