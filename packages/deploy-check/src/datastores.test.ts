import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "./kustomize";
import { generatedConfigMap, type K8sObject, named, ofKind, resolveEnv } from "./objects";
import { k8sDir, overlayNames, repoRoot } from "./repo";

/** The file a StatefulSet mounts from a ConfigMap, and where its data volume is mounted. */
function mounted(objects: K8sObject[], set: string, file: string) {
  const s = named(objects, "StatefulSet", set);
  const pod = s.spec?.template.spec;
  const container = pod?.containers[0];
  const claims = (s.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name);
  const dataMount = container?.volumeMounts?.find((m) => claims.includes(m.name))?.mountPath;
  for (const m of container?.volumeMounts ?? []) {
    const cm = pod?.volumes?.find((v) => v.name === m.name)?.configMap?.name;
    const content = cm ? named(objects, "ConfigMap", cm).data?.[file] : undefined;
    if (content !== undefined)
      return { content, path: `${m.mountPath}/${file}`, dataMount, container };
  }
  throw new Error(`${set} mounts no ConfigMap with ${file}`);
}

/** The body of `name { ... }` in a NATS config (no nested braces needed here). */
function block(conf: string, name: string): string | undefined {
  return new RegExp(`^\\s*${name}\\s*\\{([^}]*)\\}`, "m").exec(conf)?.[1];
}

function natsServer(): string | undefined {
  const local = path.join(repoRoot, ".tools", "bin", "nats-server");
  if (existsSync(local)) return local;
  try {
    execFileSync("nats-server", ["--version"], { stdio: "ignore" });
    return "nats-server";
  } catch {
    return undefined;
  }
}

describe.each(overlayNames())("data stores of overlay %s", (overlay) => {
  const objects = render(`overlays/${overlay}`);

  it("stores JetStream on the volume, fsyncing every write (sync_interval: always)", () => {
    const nats = mounted(objects, "nats", "nats.conf");
    expect(nats.container?.args?.join(" ")).toContain(nats.path);
    const js = block(nats.content, "jetstream");
    expect(js, "a jetstream block").toBeDefined();
    expect(js).toMatch(/^\s*sync_interval:\s*always\s*$/m);
    // File storage: store_dir on the persistent volume (the memory store is only a cap).
    expect(/^\s*store_dir:\s*(\S+)\s*$/m.exec(js ?? "")?.[1]).toBe(nats.dataMount);
  });

  it("routes the NATS cluster to exactly its members", () => {
    const set = named(objects, "StatefulSet", "nats");
    const replicas = set.spec?.replicas ?? 1;
    const routes = [
      ...(block(mounted(objects, "nats", "nats.conf").content, "cluster") ?? "").matchAll(
        /nats:\/\/(\S+)/g,
      ),
    ].map((m) => m[1]);
    const expected = Array.from(
      { length: replicas },
      (_, i) => `nats-${i}.${set.spec?.serviceName}:6222`,
    );
    // One server runs without a cluster block; several list every member.
    expect(routes).toEqual(replicas === 1 ? [] : expected);
  });

  it.runIf(natsServer())("has a NATS config that nats-server accepts (nats-server -t)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "nats-conf-"));
    try {
      const file = path.join(dir, "nats.conf");
      writeFileSync(file, mounted(objects, "nats", "nats.conf").content);
      // Exits non-zero, and so throws, on a config it would refuse to start with.
      execFileSync(natsServer() as string, ["-t", "-c", file], {
        env: { POD_NAME: "nats-0", PATH: process.env.PATH },
        stdio: ["ignore", "pipe", "pipe"],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs Redis with the append-only file, fsynced every second, on the volume", () => {
    const redis = mounted(objects, "redis", "redis.conf");
    expect(redis.container?.command?.slice(0, 2)).toEqual(["redis-server", redis.path]);
    const conf = redis.content;
    expect(conf).toMatch(/^appendonly yes$/m);
    expect(conf).toMatch(/^appendfsync everysec$/m);
    expect(/^dir (\S+)$/m.exec(conf)?.[1]).toBe(redis.dataMount);
    // BullMQ loses jobs if Redis evicts keys.
    expect(conf).toMatch(/^maxmemory-policy noeviction$/m);
  });

  it("runs MongoDB as the replica set the services' URL names, writing with majority and journal", () => {
    const mongo = named(objects, "StatefulSet", "mongodb");
    const args = mongo.spec?.template.spec?.containers[0]?.args ?? [];
    const replSet = args[args.indexOf("--replSet") + 1];
    expect(replSet).toBeDefined();
    const config = generatedConfigMap(objects, "tx-config");
    const options = new URLSearchParams(config.data?.MONGO_OPTIONS ?? "");
    expect(options.get("replicaSet")).toBe(replSet);
    expect(options.get("w")).toBe("majority");
    expect(options.get("journal")).toBe("true");
    expect(options.get("retryWrites")).toBe("true");
    const job = named(objects, "Job", "mongodb-rs-init");
    const jobEnv = resolveEnv(job.spec?.template.spec?.containers[0] ?? { name: "none" }, objects);
    expect(jobEnv.get("REPLICA_SET")?.value).toBe(replSet);
    expect(jobEnv.get("MONGO_HOSTS")?.value).toBe(config.data?.MONGO_HOSTS);
  });

  it("initiates the replica set idempotently and gives each service only its database", () => {
    const script = readFileSync(path.join(k8sDir, "base", "mongodb", "rs-init.js"), "utf8");
    execFileSync(process.execPath, ["--check", path.join(k8sDir, "base", "mongodb", "rs-init.js")]);
    expect(script).toContain("NotYetInitialized");
    expect(script).toContain("replSetInitiate");
    expect(script).toContain('role: "readWrite", db: user');
    // The users the Job creates are the ones the Deployments log in as.
    for (const d of ofKind(objects, "Deployment")) {
      const c = d.spec?.template.spec?.containers[0];
      const env = c ? resolveEnv(c, objects) : new Map();
      const user = env.get("MONGO_USER")?.value;
      if (!env.has("MONGO_URL")) continue;
      expect(user, d.metadata.name).toBe(`tx_${d.metadata.name}`);
      expect(c?.env?.find((e) => e.name === "MONGO_PASSWORD")?.valueFrom?.secretKeyRef).toEqual({
        name: "tx-mongodb-users",
        key: d.metadata.name,
      });
    }
  });
});
