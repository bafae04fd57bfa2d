import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { loadAll } from "js-yaml";
import type { K8sObject } from "./objects";
import { k8sDir, repoRoot } from "./repo";

/** Built by scripts/setup.sh, pinned there; a kustomize on PATH is the fallback. */
export function kustomizeBinary(): string {
  const local = path.join(repoRoot, ".tools", "bin", "kustomize");
  if (existsSync(local)) return local;
  try {
    execFileSync("kustomize", ["version"], { stdio: "ignore" });
    return "kustomize";
  } catch {
    throw new Error(
      "kustomize not found at .tools/bin/kustomize or on PATH: run scripts/setup.sh, which builds it",
    );
  }
}

const cache = new Map<string, K8sObject[]>();

/** `kustomize build` of a folder under k8s/, parsed into objects. */
export function render(dir: string): K8sObject[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  const out = execFileSync(kustomizeBinary(), ["build", path.join(k8sDir, dir)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const objects = loadAll(out).filter((doc): doc is K8sObject => doc !== null);
  cache.set(dir, objects);
  return objects;
}
