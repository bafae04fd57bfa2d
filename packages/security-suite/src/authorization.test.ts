import path from "node:path";
import { type Stack, startStack } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./call";
import { OPERATOR_EMAIL, type People, people } from "./fixtures";
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
    env: { LOG_LEVEL: "warn", OPERATOR_EMAILS: OPERATOR_EMAIL },
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
        expect(self.status).toBe(200);
        return;
      }
      const intruder = await call(stack, procedure, input, p.mallory.accessToken);
      expect(intruder.status).toBe(rule.other);
      const owner = await call(stack, procedure, input, p[rule.owner].accessToken);
      expect(owner.status, JSON.stringify(owner.error)).toBe(200);
    },
    60_000,
  );
});
