import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { INetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import type { INetworkPolicyPort } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort";
import {
  allContainers,
  type K8sObject,
  type LabelSelector,
  ofKind,
  resolvePort,
  selects,
  workloads,
} from "./objects";

/** Something that sends or receives traffic: a pod of ours, a pod elsewhere, or an address. */
export type Endpoint = {
  name: string;
  namespace?: string;
  namespaceLabels?: Record<string, string>;
  labels?: Record<string, string>;
  ip: string;
  /** Named ports, for policies that name them. */
  ports?: Record<string, number>;
};

/**
 * Evaluates the rendered NetworkPolicies the way the API defines them: a pod selected by no
 * policy of a direction is open in that direction; otherwise traffic must match a rule of a
 * policy that selects it. Both the sender's egress and the receiver's ingress must allow it.
 */
export class NetworkModel {
  readonly namespace: string;
  readonly namespaceLabels: Record<string, string>;
  readonly pods: Endpoint[];
  private readonly policies: INetworkPolicy[];

  constructor(objects: K8sObject[]) {
    const ns = objects.find((o) => o.kind === "Namespace");
    if (!ns) throw new Error("no Namespace rendered");
    this.namespace = ns.metadata.name;
    this.namespaceLabels = {
      ...(ns.metadata.labels ?? {}),
      "kubernetes.io/metadata.name": this.namespace,
    };
    this.policies = ofKind(objects, "NetworkPolicy");
    this.pods = workloads(objects).map((w, i) => ({
      name: w.name,
      namespace: this.namespace,
      namespaceLabels: this.namespaceLabels,
      labels: w.labels,
      ip: `10.244.0.${i + 10}`,
      ports: Object.fromEntries(
        allContainers(w.pod).flatMap((c) =>
          (c.ports ?? []).filter((p) => p.name).map((p) => [p.name as string, p.containerPort]),
        ),
      ),
    }));
  }

  pod(name: string): Endpoint {
    const pod = this.pods.find((p) => p.name === name);
    if (!pod) throw new Error(`no workload ${name}`);
    return pod;
  }

  allowed(from: Endpoint, to: Endpoint, port: number, protocol = "TCP"): boolean {
    return (
      this.direction("Egress", from, to, port, protocol) &&
      this.direction("Ingress", to, from, port, protocol)
    );
  }

  /** `self` is the pod the policy selects; `peer` is the other end. */
  private direction(
    type: "Ingress" | "Egress",
    self: Endpoint,
    peer: Endpoint,
    port: number,
    protocol: string,
  ): boolean {
    if (self.namespace !== this.namespace) return true; // not ours to police
    const applicable = this.policies.filter(
      (p) =>
        policyTypes(p).includes(type) &&
        selects(p.spec?.podSelector as LabelSelector, self.labels ?? {}),
    );
    if (applicable.length === 0) return true;
    const portOwner = type === "Ingress" ? self : peer;
    return applicable.some((p) => {
      const rules =
        type === "Ingress"
          ? (p.spec?.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
          : (p.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
      return rules.some(
        (r) =>
          (!r.peers?.length || r.peers.some((q) => this.peerMatches(q, peer))) &&
          (!r.ports?.length || r.ports.some((q) => portMatches(q, portOwner, port, protocol))),
      );
    });
  }

  private peerMatches(peer: INetworkPolicyPeer, endpoint: Endpoint): boolean {
    if (peer.ipBlock) {
      // Pods are matched by selectors; an ipBlock is for addresses outside the cluster.
      if (endpoint.labels) return false;
      return (
        inCidr(endpoint.ip, peer.ipBlock.cidr) &&
        !(peer.ipBlock.except ?? []).some((c) => inCidr(endpoint.ip, c))
      );
    }
    if (!endpoint.labels) return false;
    const nsOk = peer.namespaceSelector
      ? selectsAll(peer.namespaceSelector as LabelSelector, endpoint.namespaceLabels ?? {})
      : endpoint.namespace === this.namespace;
    const podOk = peer.podSelector
      ? selectsAll(peer.podSelector as LabelSelector, endpoint.labels)
      : true;
    return nsOk && podOk;
  }
}

function policyTypes(p: INetworkPolicy): string[] {
  return p.spec?.policyTypes ?? (p.spec?.egress ? ["Ingress", "Egress"] : ["Ingress"]);
}

/** An empty selector ({}) selects everything. */
function selectsAll(selector: LabelSelector, labels: Record<string, string>): boolean {
  const empty = !selector.matchLabels && !selector.matchExpressions;
  return empty || selects(selector, labels);
}

function portMatches(
  rule: INetworkPolicyPort,
  owner: Endpoint,
  port: number,
  protocol: string,
): boolean {
  if ((rule.protocol ?? "TCP") !== protocol) return false;
  if (rule.port === undefined) return true;
  const start = typeof rule.port === "number" ? rule.port : owner.ports?.[rule.port];
  if (start === undefined) return false;
  return port >= start && port <= (rule.endPort ?? start);
}

function toInt(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base = "", bits = "32"] = cidr.split("/");
  const size = Number(bits);
  if (size === 0) return true;
  const mask = size === 32 ? 0xffffffff : ~((1 << (32 - size)) - 1) >>> 0;
  return (toInt(ip) & mask) >>> 0 === (toInt(base) & mask) >>> 0;
}

export { resolvePort };
