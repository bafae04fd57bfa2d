import { readFileSync } from "node:fs";

export type Instruction = { keyword: string; args: string };
export type Stage = { image: string; alias?: string; instructions: Instruction[] };

/**
 * A Dockerfile as its stages, continuation lines joined and comments dropped. `${NAME}` and
 * `$NAME` of a stage's ARGs are replaced by `buildArgs` (--build-arg), else their default.
 */
export function parseDockerfile(file: string, buildArgs: Record<string, string> = {}): Stage[] {
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
  let declared = new Map<string, string>();
  const substitute = (text: string) =>
    text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => {
      const value = declared.get((braced ?? bare) as string);
      return value ?? whole;
    });
  for (const line of logical) {
    const [, keyword = "", raw = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: substitute(raw) };
    if (instruction.keyword === "FROM") {
      const [, image = "", alias] =
        /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args) ?? [];
      stages.push({ image, alias, instructions: [] });
      declared = new Map();
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${file}: ${keyword} before FROM`);
    if (instruction.keyword === "ARG") {
      const [name = "", fallback] = raw.split("=", 2);
      const value = buildArgs[name] ?? fallback;
      if (value !== undefined) declared.set(name, value);
    }
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
