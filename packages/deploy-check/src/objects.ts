import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IStatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IService } from "kubernetes-models/v1/Service";

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};

type KindMap = {
  Deployment: IDeployment;
  StatefulSet: IStatefulSet;
  Job: IJob;
  Service: IService;
  ConfigMap: IConfigMap;
  NetworkPolicy: INetworkPolicy;
  Ingress: IIngress;
  PodDisruptionBudget: IPodDisruptionBudget;
};

export function ofKind<K extends keyof KindMap>(
  objects: K8sObject[],
  kind: K,
): (KindMap[K] & { metadata: { name: string } })[] {
  return objects.filter((o) => o.kind === kind) as unknown as (KindMap[K] & {
    metadata: { name: string };
  })[];
}

export function named<K extends keyof KindMap>(
  objects: K8sObject[],
  kind: K,
  name: string,
): KindMap[K] & { metadata: { name: string } } {
  const found = ofKind(objects, kind).find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name}`);
  return found;
}

/** A generated ConfigMap by the name it has before kustomize appends its content hash. */
export function generatedConfigMap(objects: K8sObject[], name: string) {
  const found = ofKind(objects, "ConfigMap").filter((c) =>
    new RegExp(`^${name}(-[a-z0-9]{10})?$`).test(c.metadata.name),
  );
  if (found.length !== 1) throw new Error(`expected one ConfigMap ${name}, found ${found.length}`);
  return found[0] as IConfigMap & { metadata: { name: string } };
}

/** A pod template and what owns it: what NetworkPolicies, Services and PDBs select. */
export type Workload = {
  kind: "Deployment" | "StatefulSet" | "Job";
  name: string;
  replicas: number;
  labels: Record<string, string>;
  pod: IPodSpec;
};

export function workloads(objects: K8sObject[]): Workload[] {
  const result: Workload[] = [];
  for (const kind of ["Deployment", "StatefulSet", "Job"] as const) {
    for (const o of ofKind(objects, kind)) {
      const template = o.spec?.template;
      if (!template?.spec) throw new Error(`${kind} ${o.metadata.name} has no pod template`);
      const replicas = kind === "Job" ? 1 : ((o.spec as { replicas?: number }).replicas ?? 1);
      result.push({
        kind,
        name: o.metadata.name,
        replicas,
        labels: template.metadata?.labels ?? {},
        pod: template.spec,
      });
    }
  }
  return result;
}

export function allContainers(pod: IPodSpec): IContainer[] {
  return [...(pod.initContainers ?? []), ...pod.containers];
}

/** A container's port by name or number, as a number. */
export function resolvePort(container: IContainer, port: string | number): number | undefined {
  if (typeof port === "number") {
    return container.ports?.some((p) => p.containerPort === port) ? port : undefined;
  }
  if (/^\d+$/.test(port)) return resolvePort(container, Number(port));
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

export type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};

export function selects(selector: LabelSelector | undefined, labels: Record<string, string>) {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const value = labels[e.key];
    const ok =
      e.operator === "In"
        ? has && (e.values ?? []).includes(value ?? "")
        : e.operator === "NotIn"
          ? !has || !(e.values ?? []).includes(value ?? "")
          : e.operator === "Exists"
            ? has
            : e.operator === "DoesNotExist"
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

/** Where a variable's value comes from, and the value the container would see. */
export type ResolvedEnv = Map<
  string,
  { value: string; source: "value" | "configMap" | "secret" | "field" }
>;

/**
 * Values that satisfy the code's format rules for each Secret key the manifests reference;
 * the real ones are created by the operator. Unknown keys get a long random-looking value.
 */
const exampleSecretValues: Record<string, string> = {
  "tx-stripe/secret-key": "sk_test_example",
  "tx-stripe/publishable-key": "pk_test_example",
  "tx-stripe/webhook-secret": "whsec_example",
  "tx-resend/api-key": "re_example",
};
const genericSecret = "0123456789abcdef0123456789abcdef0123456789abcdef";

/**
 * The environment a container gets, as the kubelet builds it: literal values with $(VAR)
 * expanded from earlier entries, ConfigMap keys looked up in the rendered ConfigMaps
 * (a missing key is an error), Secrets replaced by example values.
 */
export function resolveEnv(container: IContainer, objects: K8sObject[]): ResolvedEnv {
  const env: ResolvedEnv = new Map();
  const configMaps = ofKind(objects, "ConfigMap");
  for (const entry of container.env ?? []) {
    env.set(entry.name, resolveOne(entry, env, configMaps, container.name));
  }
  if (container.envFrom?.length) throw new Error(`${container.name}: envFrom is not checked here`);
  return env;
}

function resolveOne(
  entry: IEnvVar,
  env: ResolvedEnv,
  configMaps: (IConfigMap & { metadata: { name: string } })[],
  where: string,
): { value: string; source: "value" | "configMap" | "secret" | "field" } {
  if (entry.value !== undefined) {
    // $(VAR) refers to a variable defined earlier in the list; $$ escapes.
    const value = entry.value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name) => {
      if (m === "$$") return "$";
      const earlier = env.get(name);
      if (!earlier)
        throw new Error(`${where}: ${entry.name} refers to $(${name}) before it is set`);
      return earlier.value;
    });
    return { value, source: "value" };
  }
  const from = entry.valueFrom;
  if (from?.configMapKeyRef) {
    const { name, key } = from.configMapKeyRef;
    const value = configMaps.find((c) => c.metadata.name === name)?.data?.[key];
    if (value === undefined)
      throw new Error(`${where}: ${entry.name} needs ConfigMap ${name} key ${key}`);
    return { value, source: "configMap" };
  }
  if (from?.secretKeyRef) {
    const { name, key } = from.secretKeyRef;
    return { value: exampleSecretValues[`${name}/${key}`] ?? genericSecret, source: "secret" };
  }
  if (from?.fieldRef) return { value: "pod-0", source: "field" };
  throw new Error(`${where}: ${entry.name} has no value this check understands`);
}

/** Every Secret (name, key) the objects reference: env, envFrom and volumes. */
export function secretReferences(objects: K8sObject[]): { name: string; key?: string }[] {
  const refs: { name: string; key?: string }[] = [];
  for (const w of workloads(objects)) {
    for (const c of allContainers(w.pod)) {
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) refs.push({ name: ref.name ?? "", key: ref.key });
      }
    }
    for (const v of w.pod.volumes ?? []) {
      if (!v.secret?.secretName) continue;
      if (v.secret.items?.length) {
        for (const item of v.secret.items) refs.push({ name: v.secret.secretName, key: item.key });
      } else refs.push({ name: v.secret.secretName });
    }
  }
  return refs;
}
