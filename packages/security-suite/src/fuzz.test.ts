import path from "node:path";
import { serviceNames } from "@tx/api-contracts";
import { type Stack, startStack } from "@tx/test-kit";
import { withInfra } from "@tx/test-kit/vitest";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./call";
import { OPERATOR_EMAIL, type People, people } from "./fixtures";
import { hostileInput } from "./hostile";
import { allProcedures } from "./procedures";

// TX_LONG=1 runs the long mode: at least 10,000 cases in all.
const long = process.env.TX_LONG === "1";
const infra = withInfra();
const procedures = allProcedures();
const runsPerProcedure = long ? Math.ceil(10_000 / procedures.length) : 25;
let stack: Stack;
let p: People;
const answered: Record<number, number> = {};

beforeAll(async () => {
  stack = await startStack({
    infra: infra.infra.urls,
    logDir: path.join(infra.infra.dir, "logs"),
    env: { LOG_LEVEL: "error", OPERATOR_EMAILS: OPERATOR_EMAIL },
  });
  p = await people(stack);
}, 180_000);
afterAll(async () => {
  console.log(
    `fuzz: ${procedures.length} procedures x ${runsPerProcedure} inputs x 3 callers; statuses ${JSON.stringify(answered)}`,
  );
  await stack?.stop();
});

describe("hostile input", () => {
  it.each(procedures.map((x) => [`${x.service}.${x.path}`, x] as const))(
    "%s answers every input with a 2xx or a 4xx and a message, never a 500",
    async (_name, procedure) => {
      await fc.assert(
        // Anonymous, a signed-in stranger, and the operator (whose procedures the others never reach).
        fc.asyncProperty(
          hostileInput,
          fc.constantFrom("none", "mallory", "olive"),
          async (input, who) => {
            const token = who === "none" ? undefined : p[who].accessToken;
            const res = await call(stack, procedure, input, token);
            answered[res.status] = (answered[res.status] ?? 0) + 1;
            expect(res.status).toBeLessThan(500);
            if (res.status >= 400) expect(typeof res.error?.message).toBe("string");
          },
        ),
        { numRuns: runsPerProcedure },
      );
    },
    long ? 600_000 : 60_000,
  );

  it("leaves every service serving", async () => {
    for (const name of serviceNames) {
      expect((await fetch(`${stack.urls[name]}/readyz`)).status).toBe(200);
    }
    expect(Object.keys({}).length).toBe(0);
  });
});
