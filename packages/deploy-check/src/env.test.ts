import { describe, expect, it } from "vitest";
import { loadEnvModule, requiredVariables } from "./env-modules";
import { render } from "./kustomize";
import {
  generatedConfigMap,
  type K8sObject,
  named,
  ofKind,
  type ResolvedEnv,
  resolveEnv,
  resolvePort,
  workloads,
} from "./objects";
import { type AppName, appNames, IMAGE_PREFIX, isAppName, overlayNames } from "./repo";

/** The Deployment of each app, found by the image it runs (ticket-exchange/<name>). */
function appDeployments(objects: K8sObject[]): Map<AppName, ResolvedEnv> {
  const found = new Map<AppName, ResolvedEnv>();
  for (const d of ofKind(objects, "Deployment")) {
    for (const c of d.spec?.template.spec?.containers ?? []) {
      const repo = (c.image ?? "").replace(/[:@].*$/, "");
      const name = repo.slice(repo.lastIndexOf(IMAGE_PREFIX) + IMAGE_PREFIX.length);
      if (repo.includes(IMAGE_PREFIX) && isAppName(name)) found.set(name, resolveEnv(c, objects));
    }
  }
  return found;
}

const plain = (env: ResolvedEnv) =>
  Object.fromEntries([...env].map(([k, v]) => [k, v.value])) as Record<string, string>;

// Read once from the code: what each app cannot start without.
const required = new Map<AppName, string[]>();
for (const app of appNames) required.set(app, await requiredVariables(app));

it("reads the required variables from each env.ts", () => {
  // The shared service shape (service-kit) is in every service; the web app needs its URLs.
  for (const app of appNames.filter((a) => a !== "web")) {
    expect(required.get(app), app).toEqual(expect.arrayContaining(["MONGO_URL", "NATS_URL"]));
  }
  expect(required.get("web")).toEqual(expect.arrayContaining(["AUTH_URL", "NEXTAUTH_SECRET"]));
});

describe.each(overlayNames())("overlay %s", (overlay) => {
  const objects = () => render(`overlays/${overlay}`);

  it("has a Deployment for every service and the web app", () => {
    expect([...appDeployments(objects()).keys()].sort()).toEqual([...appNames].sort());
  });

  it.each(appNames)("sets every variable %s's env.ts requires", (app) => {
    const env = appDeployments(objects()).get(app);
    const missing = (required.get(app) ?? []).filter((name) => !env?.has(name));
    expect(missing).toEqual([]);
  });

  it.each(appNames)("starts %s's env.ts with the Deployment's environment", async (app) => {
    const env = appDeployments(objects()).get(app);
    expect(env).toBeDefined();
    // Secrets are example values of the right shape; the rest is exactly what the pod gets.
    const result = await loadEnvModule(app, plain(env ?? new Map()));
    expect(result).toEqual({ ok: true });
  });

  it("listens on 0.0.0.0 at the PORT each Service, probe and container port uses", () => {
    const problems: string[] = [];
    for (const d of ofKind(objects(), "Deployment").filter((d) => isAppName(d.metadata.name))) {
      const name = d.metadata.name;
      const c = d.spec?.template.spec?.containers[0];
      if (!c) throw new Error(`${name} has no container`);
      const env = resolveEnv(c, objects());
      const port = Number(env.get("PORT")?.value);
      // The web app's standalone server binds HOSTNAME; the services bind HOST.
      const bind = env.get(name === "web" ? "HOSTNAME" : "HOST")?.value;
      if (bind !== "0.0.0.0") problems.push(`${name}: binds ${bind}`);
      const http = c.ports?.find((p) => p.name === "http");
      if (http?.containerPort !== port) {
        problems.push(`${name}: containerPort ${http?.containerPort} != PORT ${port}`);
      }
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
        const p = probe?.httpGet?.port;
        if (p === undefined || resolvePort(c, p) !== port)
          problems.push(`${name}: probe port ${p}`);
      }
      const sp = named(objects(), "Service", name).spec?.ports?.[0];
      if (sp?.port !== port || resolvePort(c, sp.targetPort ?? sp.port) !== port) {
        problems.push(`${name}: Service ${sp?.port}->${sp?.targetPort}, PORT ${port}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("probes /readyz and /healthz (the web app: /api/healthz)", () => {
    for (const d of ofKind(objects(), "Deployment").filter((d) => isAppName(d.metadata.name))) {
      const c = d.spec?.template.spec?.containers[0];
      const web = d.metadata.name === "web";
      expect(c?.readinessProbe?.httpGet?.path, d.metadata.name).toBe(
        web ? "/api/healthz" : "/readyz",
      );
      expect(c?.livenessProbe?.httpGet?.path, d.metadata.name).toBe(
        web ? "/api/healthz" : "/healthz",
      );
    }
  });

  it("points every in-cluster URL at a Service that exists, on a port it serves", () => {
    const services = ofKind(objects(), "Service");
    const sets = ofKind(objects(), "StatefulSet");
    const problems: string[] = [];
    const check = (where: string, host: string, port: number) => {
      const labels = host.split(".");
      // <svc> or <pod>.<headless svc>; anything else (example.com, localhost) is outside.
      let svcName: string | undefined;
      if (labels.length === 1 && host !== "localhost") svcName = host;
      else if (labels.length === 2 && services.some((s) => s.metadata.name === labels[1])) {
        svcName = labels[1];
        const set = sets.find((s) => s.spec?.serviceName === svcName);
        const ordinal = Number(/-(\d+)$/.exec(labels[0] ?? "")?.[1]);
        if (
          !set ||
          !labels[0]?.startsWith(`${set.metadata.name}-`) ||
          !(ordinal < (set.spec?.replicas ?? 1))
        ) {
          problems.push(`${where}: ${host} is not a member of a StatefulSet behind ${svcName}`);
        }
      }
      if (!svcName) return;
      const svc = services.find((s) => s.metadata.name === svcName);
      if (!svc) problems.push(`${where}: no Service ${svcName}`);
      else if (!svc.spec?.ports?.some((p) => p.port === port))
        problems.push(`${where}: ${svcName} has no port ${port}`);
    };
    for (const w of workloads(objects())) {
      for (const c of w.pod.containers) {
        for (const [name, { value }] of resolveEnv(c, objects())) {
          const m = /^(https?|nats|redis|mongodb):\/\/(?:[^@/]*@)?([^/?]+)/.exec(value);
          if (!m) continue;
          const defaults: Record<string, number> = {
            http: 80,
            https: 443,
            nats: 4222,
            redis: 6379,
            mongodb: 27017,
          };
          for (const hostPort of (m[2] ?? "").split(",")) {
            const [host = "", port] = hostPort.split(":");
            check(`${w.name} ${name}`, host, port ? Number(port) : (defaults[m[1] ?? ""] ?? 0));
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("lists every MongoDB member in MONGO_HOSTS", () => {
    const hosts = (generatedConfigMap(objects(), "tx-config").data?.MONGO_HOSTS ?? "").split(",");
    const replicas = named(objects(), "StatefulSet", "mongodb").spec?.replicas ?? 1;
    expect(hosts).toEqual(Array.from({ length: replicas }, (_, i) => `mongodb-${i}.mongodb:27017`));
  });
});
