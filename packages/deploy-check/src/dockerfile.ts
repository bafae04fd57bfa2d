import { readFileSync } from "node:fs";

export type Instruction = { keyword: string; args: string };
export type Stage = { image: string; alias?: string; instructions: Instruction[] };

/** A Dockerfile as its stages, continuation lines joined and comments dropped. */
export function parseDockerfile(file: string): Stage[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const logical: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!current && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(current + line);
    current = "";
  }
  if (current) logical.push(current.trim());

  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === "FROM") {
      const [, image = "", alias] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ image, alias, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${file}: ${keyword} before FROM`);
    stage.instructions.push(instruction);
  }
  return stages;
}

export function instructions(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** ENV KEY=VALUE pairs of a stage (the KEY=VALUE form only). */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of instructions(stage, "ENV")) {
    for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) {
      env[m[1] as string] = (m[2] as string).replace(/^"|"$/g, "");
    }
  }
  return env;
}

/** The exec form of CMD/HEALTHCHECK CMD as an array, or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  const json = args.slice(args.indexOf("["));
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.every((a) => typeof a === "string") ? parsed : undefined;
  } catch {
    return undefined;
  }
}
