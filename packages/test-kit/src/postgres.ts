import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * Where the embedded database keeps its data: FerretDB's SQLite backend (files under .data) or
 * its PostgreSQL backend on Debian's postgresql-15 (a private cluster under .data). One
 * setting, TX_FERRETDB_BACKEND, read once here; the default is the one the bench shows better.
 */
export const FerretdbBackend = z.enum(["sqlite", "postgresql"]);
export type FerretdbBackend = z.infer<typeof FerretdbBackend>;
export const defaultFerretdbBackend: FerretdbBackend = "sqlite";

export function ferretdbBackendSetting(
  value: string | undefined = process.env.TX_FERRETDB_BACKEND,
): FerretdbBackend {
  const parsed = FerretdbBackend.optional().safeParse(value || undefined);
  if (!parsed.success) {
    throw new Error(`TX_FERRETDB_BACKEND must be sqlite or postgresql, not "${value}"`);
  }
  return parsed.data ?? defaultFerretdbBackend;
}

/** Debian installs PostgreSQL's programs outside PATH. */
export function postgresBinary(name: "initdb" | "postgres"): string {
  const debian = path.join("/usr/lib/postgresql/15/bin", name);
  return existsSync(debian) ? debian : name;
}

/** The role FerretDB connects as (the cluster trusts loopback connections; nothing else listens). */
export const POSTGRES_ROLE = "ferretdb";

/**
 * PostgreSQL refuses to run as root: as root, its processes run as Debian's `postgres` system
 * user (made by the postgresql-15 package); otherwise as ourselves.
 */
export function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (!uid || !gid) throw new Error("no postgres user: run scripts/setup.sh (postgresql-15)");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Where the cluster of `dir` lives: `dir` itself, unless PostgreSQL runs as another user who
 * cannot reach it (a checkout under a private home folder): then a folder of its own in the
 * system's temporary folder, named after `dir`, so a restart finds the same data.
 */
export function clusterDir(dir: string): string {
  const user = postgresUser();
  if (!user) return dir;
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const st = statSync(d);
    // Everyone may pass (o+x), or the folder is the postgres user's own.
    if (!(st.mode & 0o001) && st.uid !== user.uid) {
      const hash = createHash("sha256").update(dir).digest("hex").slice(0, 16);
      const own = path.join(os.tmpdir(), `tx-postgresql-${hash}`);
      mkdirSync(own, { recursive: true });
      return own;
    }
    if (d === path.dirname(d)) return dir;
  }
}

/** Makes a private cluster in `dir` once (initdb); later starts reuse it. */
export function ensureCluster(dir: string): void {
  if (existsSync(path.join(dir, "PG_VERSION"))) return;
  const user = postgresUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const result = spawnSync(
    postgresBinary("initdb"),
    [
      `--pgdata=${dir}`,
      `--username=${POSTGRES_ROLE}`,
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      // Test data: no fsync while the cluster is made (the server itself keeps fsync on).
      "--no-sync",
    ],
    { encoding: "utf8", ...user },
  );
  if (result.status !== 0) {
    throw new Error(
      `initdb failed in ${dir} (as ${user ? "postgres" : "this user"}; every folder above it must be readable): ${result.stderr || result.error?.message}`,
    );
  }
}

/** The server's arguments: loopback TCP only, no Unix socket, logs to stderr. */
export function postgresArgs(dir: string, port: number): string[] {
  return [
    "-D",
    dir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
    "-c",
    "log_min_messages=warning",
  ];
}

export function ferretdbPostgresUrl(port: number): string {
  return `postgres://${POSTGRES_ROLE}@127.0.0.1:${port}/postgres`;
}
