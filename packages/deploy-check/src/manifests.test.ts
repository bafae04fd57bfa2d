import { describe, expect, it } from "vitest";
import { render } from "./kustomize";
import {
  allContainers,
  type K8sObject,
  named,
  ofKind,
  resolvePort,
  selects,
  workloads,
} from "./objects";
import { overlayNames } from "./repo";
import { validateAgainstSchema } from "./schema";

const overlays = overlayNames();
const id = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;

it("has a dev and a prod overlay", () => {
  expect(overlays).toEqual(expect.arrayContaining(["dev", "prod"]));
});

describe.each(["base", ...overlays.map((o) => `overlays/${o}`)])(
  "kustomize build k8s/%s",
  (dir) => {
    it("renders objects that the Kubernetes schemas accept", async () => {
      const objects = render(dir);
      expect(objects.length).toBeGreaterThan(20);
      const failures: string[] = [];
      for (const object of objects) {
        await validateAgainstSchema(object).catch((err: Error) =>
          failures.push(`${id(object)}: ${err.message}`),
        );
      }
      expect(failures).toEqual([]);
    });

    it("puts every object in the one namespace, with unique names per kind", () => {
      const objects = render(dir);
      const ns = ofKind(objects as K8sObject[], "Service")[0]?.metadata.namespace;
      expect(ns).toBe("ticket-exchange");
      for (const o of objects) {
        if (o.kind !== "Namespace") expect(o.metadata.namespace, id(o)).toBe(ns);
      }
      const ids = objects.map(id);
      expect(ids.length).toBe(new Set(ids).size);
    });

    it("commits no Secret: Secrets are created by the operator and referenced by name", () => {
      expect(render(dir).filter((o) => o.kind === "Secret")).toEqual([]);
    });
  },
);

describe.each(overlays)("overlay %s", (overlay) => {
  const objects = () => render(`overlays/${overlay}`);

  it("runs every container as non-root, read-only, without privileges, with resource limits", () => {
    const problems: string[] = [];
    for (const w of workloads(objects())) {
      const pod = w.pod.securityContext ?? {};
      if (pod.seccompProfile?.type !== "RuntimeDefault") problems.push(`${w.name}: seccomp`);
      if (w.pod.automountServiceAccountToken !== false)
        problems.push(`${w.name}: API token mounted`);
      for (const c of allContainers(w.pod)) {
        const sc = c.securityContext ?? {};
        const where = `${w.name}/${c.name}`;
        if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) problems.push(`${where}: runAsNonRoot`);
        const uid = sc.runAsUser ?? pod.runAsUser;
        if (uid === undefined || uid === 0) problems.push(`${where}: numeric non-root runAsUser`);
        if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: privilege escalation`);
        if (!sc.capabilities?.drop?.includes("ALL")) problems.push(`${where}: capabilities`);
        if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: writable root filesystem`);
        for (const kind of ["requests", "limits"] as const) {
          for (const r of ["cpu", "memory"]) {
            if (c.resources?.[kind]?.[r] === undefined) problems.push(`${where}: ${kind}.${r}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives each Service a workload, and its targetPort a container port", () => {
    const problems: string[] = [];
    const ws = workloads(objects());
    for (const svc of ofKind(objects(), "Service")) {
      const selector = svc.spec?.selector;
      const selected = selector
        ? ws.filter((w) => selects({ matchLabels: selector }, w.labels))
        : [];
      if (selected.length === 0) problems.push(`${svc.metadata.name}: selects nothing`);
      for (const w of selected) {
        for (const p of svc.spec?.ports ?? []) {
          const target = p.targetPort ?? p.port;
          if (!w.pod.containers.some((c) => resolvePort(c, target) === p.port)) {
            problems.push(`${svc.metadata.name}:${p.port} -> ${w.name} has no port ${target}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("routes the Ingress only to the web app, and Stripe's webhook path to payments", () => {
    const backends = ofKind(objects(), "Ingress").flatMap((ing) =>
      (ing.spec?.rules ?? []).flatMap((r) =>
        (r.http?.paths ?? []).map((p) => ({
          service: p.backend.service?.name,
          path: p.path,
          pathType: p.pathType,
        })),
      ),
    );
    for (const b of backends) {
      if (b.service === "web") continue;
      expect(b).toEqual({ service: "payments", path: "/webhooks/stripe", pathType: "Exact" });
    }
    if (backends.length > 0) expect(backends.map((b) => b.service)).toContain("web");
  });

  it("has a PodDisruptionBudget for every workload that runs more than one pod", () => {
    const pdbs = ofKind(objects(), "PodDisruptionBudget");
    for (const w of workloads(objects()).filter((w) => w.kind !== "Job" && w.replicas > 1)) {
      const pdb = pdbs.find((p) => selects(p.spec?.selector ?? {}, w.labels));
      expect(pdb, `PDB for ${w.name}`).toBeDefined();
      // One pod may go at a time: a quorum of three keeps two.
      expect(pdb?.spec?.maxUnavailable ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it("keeps every StatefulSet's data on a PersistentVolumeClaim", () => {
    const sets = ofKind(objects(), "StatefulSet");
    expect(sets.map((s) => s.metadata.name).sort()).toEqual(["mongodb", "nats", "redis"]);
    for (const s of sets) {
      const claims = (s.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name);
      expect(claims.length, s.metadata.name).toBeGreaterThan(0);
      const mounts = s.spec?.template.spec?.containers[0]?.volumeMounts ?? [];
      expect(
        mounts.some((m) => claims.includes(m.name)),
        `${s.metadata.name} mounts its claim`,
      ).toBe(true);
      // A headless Service gives the members their stable names.
      const svc = named(objects(), "Service", s.spec?.serviceName ?? "");
      expect(svc.spec?.clusterIP, `${s.metadata.name}'s serviceName`).toBe("None");
    }
  });
});

describe("prod overlay", () => {
  const objects = () => render("overlays/prod");

  it("runs at least two replicas of every stateless workload", () => {
    for (const d of ofKind(objects(), "Deployment")) {
      expect(d.spec?.replicas ?? 1, d.metadata.name).toBeGreaterThanOrEqual(2);
    }
  });

  it("runs MongoDB and NATS as three members spread over distinct nodes", () => {
    for (const name of ["mongodb", "nats"]) {
      const s = named(objects(), "StatefulSet", name);
      expect(s.spec?.replicas, name).toBe(3);
      const spread = s.spec?.template.spec?.topologySpreadConstraints ?? [];
      expect(spread).toContainEqual(
        expect.objectContaining({
          topologyKey: "kubernetes.io/hostname",
          whenUnsatisfiable: "DoNotSchedule",
        }),
      );
    }
  });

  it("pins every image to a version, never latest", () => {
    for (const w of workloads(objects())) {
      for (const c of allContainers(w.pod)) {
        const tag = /:([^:/@]+)(@sha256:[0-9a-f]{64})?$/.exec(c.image ?? "")?.[1];
        expect(tag, `${w.name}/${c.name}: ${c.image}`).toBeDefined();
        expect(tag, `${w.name}/${c.name}`).not.toBe("latest");
      }
    }
  });
});
