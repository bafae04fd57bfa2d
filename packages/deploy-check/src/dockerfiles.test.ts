import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envOf, execForm, instructions, parseDockerfile, type Stage } from "./dockerfile";
import { render } from "./kustomize";
import { ofKind, resolveEnv } from "./objects";
import {
  type AppName,
  appNames,
  appWorkloads,
  IMAGE_PREFIX,
  k8sDir,
  overlayNames,
  repoRoot,
} from "./repo";

const rootPackage = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  packageManager: string;
  engines: { node: string };
};
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, "");
const finalStage = (stages: Stage[]) => stages.at(-1) as Stage;

/** name -> Dockerfile and build arguments, as k8s/build-images.sh builds them. */
const built = new Map(
  [
    ...readFileSync(path.join(k8sDir, "build-images.sh"), "utf8").matchAll(
      /^\s+"(\S+) (\S+)((?: \S+=\S+)*)"$/gm,
    ),
  ].map((m) => [
    m[1] as string,
    {
      dockerfile: m[2] as string,
      args: Object.fromEntries(
        (m[3] ?? "")
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map((a) => a.split("=", 2) as [string, string]),
      ),
    },
  ]),
);
const dockerfile = (app: AppName) => path.join(repoRoot, built.get(app)?.dockerfile ?? "missing");

it("ignores local state in the build context (.dockerignore at the root)", () => {
  const ignore = readFileSync(path.join(repoRoot, ".dockerignore"), "utf8").split("\n");
  for (const entry of ["**/node_modules", ".git", "**/.next", ".env", ".tools", ".data"]) {
    expect(ignore, entry).toContain(entry);
  }
});

it("builds every image the manifests run, under one name: ticket-exchange/<name>", () => {
  expect([...built.keys()].sort()).toEqual([...appNames].sort());
  // One Dockerfile for the six services, told which one by SERVICE; the web app has its own.
  for (const app of appNames) {
    expect(built.get(app)?.dockerfile).toBe(
      app === "web" ? "apps/web/Dockerfile" : "services/Dockerfile",
    );
    if (app !== "web") expect(built.get(app)?.args.SERVICE).toBe(app);
    expect(existsSync(path.join(repoRoot, appWorkloads[app], "Dockerfile")), app).toBe(
      app === "web",
    );
  }
  expect(readFileSync(path.join(k8sDir, "build-images.sh"), "utf8")).toMatch(
    /image="\$\{prefix\}ticket-exchange\/\$\{name\}:\$\{tag\}"/,
  );
});

describe.each(appNames)("%s/Dockerfile", (app) => {
  const stages = existsSync(dockerfile(app))
    ? parseDockerfile(dockerfile(app), built.get(app)?.args)
    : [];
  const last = () => finalStage(stages);

  it("is multi-stage, on a base image pinned to an exact version", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const aliases = stages.map((s) => s.alias);
    const [minMajor = 0, minMinor = 0] = (/(\d+)\.(\d+)/.exec(rootPackage.engines.node) ?? [])
      .slice(1)
      .map(Number);
    for (const s of stages.filter((s) => !aliases.includes(s.image))) {
      expect(s.image).toMatch(
        /^[\w./-]+:\d+\.\d+\.\d+[\w.-]*(@sha256:[0-9a-f]{64})?$|@sha256:[0-9a-f]{64}$/,
      );
      const [major = 0, minor = 0] = (/^node:(\d+)\.(\d+)/.exec(s.image) ?? [])
        .slice(1)
        .map(Number);
      expect(
        major * 1000 + minor,
        `${s.image} satisfies engines ${rootPackage.engines.node}`,
      ).toBeGreaterThanOrEqual(minMajor * 1000 + minMinor);
    }
  });

  it(`installs pnpm at the workspace's version (${pnpmVersion})`, () => {
    const run = stages.flatMap((s) => instructions(s, "RUN")).join("\n");
    expect(run).toContain(`pnpm@${pnpmVersion}`);
  });

  it("ships only the production dependencies of its package", () => {
    const run = stages
      .slice(0, -1)
      .flatMap((s) => instructions(s, "RUN"))
      .join("\n");
    if (app === "web") {
      const nextConfig = readFileSync(path.join(repoRoot, "apps/web/next.config.ts"), "utf8");
      expect(nextConfig).toMatch(/output:\s*"standalone"/);
      expect(run).toContain("pnpm --filter @tx/web build");
      const copies = instructions(last(), "COPY").join("\n");
      expect(copies).toContain("/repo/apps/web/.next/standalone ./");
      expect(copies).toContain("/repo/apps/web/.next/static ./apps/web/.next/static");
      expect(copies).toContain("/repo/apps/web/public ./apps/web/public");
    } else {
      expect(run).toMatch(new RegExp(`pnpm --filter @tx/${app} deploy --prod /out`));
      expect(instructions(last(), "COPY")).toContain("--from=build /out ./");
    }
  });

  it("runs as a numeric non-root user", () => {
    const user = instructions(last(), "USER").at(-1) ?? "";
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(":")[0])).toBeGreaterThan(0);
  });

  it("starts the same entry point as the package's start script", () => {
    const cmd = execForm(instructions(last(), "CMD").at(-1) ?? "");
    if (app === "web") {
      expect(cmd).toEqual(["node", "apps/web/server.js"]);
      return;
    }
    const pkg = JSON.parse(
      readFileSync(path.join(repoRoot, appWorkloads[app], "package.json"), "utf8"),
    ) as {
      scripts: { start: string };
      dependencies: Record<string, string>;
    };
    // `tsx src/main.ts` in development; in the image node loads tsx as a module (one process).
    const entry = /^tsx (\S+)$/.exec(pkg.scripts.start)?.[1];
    expect(entry, `start script: ${pkg.scripts.start}`).toBeDefined();
    expect(pkg.dependencies.tsx, "tsx is a production dependency").toBeDefined();
    expect(existsSync(path.join(repoRoot, appWorkloads[app], entry ?? ""))).toBe(true);
    expect(cmd).toEqual(["node", "--import", "tsx", entry]);
  });

  it("checks its health with node's fetch on the probe path", () => {
    const check = instructions(last(), "HEALTHCHECK").at(-1) ?? "";
    const cmd = execForm(check);
    expect(cmd?.[0]).toBe("node");
    expect(cmd?.join(" ")).toContain(app === "web" ? "/api/healthz" : "/healthz");
    expect(check).not.toMatch(/curl|wget/);
  });

  it.each(overlayNames())(
    "matches the Deployment of overlay %s: image name and PORT",
    (overlay) => {
      const objects = render(`overlays/${overlay}`);
      const deployment = ofKind(objects, "Deployment").find((d) => d.metadata.name === app);
      const container = deployment?.spec?.template.spec?.containers[0];
      const repo = (container?.image ?? "").replace(/:[^/:]+$/, "");
      expect(repo.endsWith(`${IMAGE_PREFIX}${app}`), `${container?.image}`).toBe(true);
      expect(instructions(last(), "LABEL").join(" ")).toContain(
        `org.opencontainers.image.title="${IMAGE_PREFIX}${app}"`,
      );
      const port = container ? resolveEnv(container, objects).get("PORT")?.value : undefined;
      expect(envOf(last()).PORT).toBe(port);
      expect(instructions(last(), "EXPOSE")).toContain(port);
    },
  );
});
