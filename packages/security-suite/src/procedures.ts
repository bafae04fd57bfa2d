import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ServiceName, serviceNames } from "@tx/api-contracts";
import { repoRoot } from "@tx/test-kit";

export type Procedure = {
  service: ServiceName;
  path: string;
  type: "query" | "mutation" | "subscription";
};

/** Every procedure of every service, read from the routers themselves. */
export function allProcedures(): Procedure[] {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "list-procedures.ts");
  return serviceNames.flatMap((service) => {
    const out = execFileSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), script, service],
      { cwd: repoRoot, encoding: "utf8" },
    );
    return (JSON.parse(out) as { path: string; type: "query" | "mutation" | "subscription" }[]).map(
      (p) => ({
        service,
        ...p,
      }),
    );
  });
}
