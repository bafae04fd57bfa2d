import { defaultPorts } from "@tx/test-kit";
import { describe, expect, it } from "vitest";
import { render } from "./kustomize";
import { type Endpoint, NetworkModel } from "./network";
import { ofKind, resolveEnv } from "./objects";
import { type AppName, appNames, overlayNames } from "./repo";

// The services' ports, as the local run and every env.ts default have them.
const { web: _webPort, ...servicePorts } = defaultPorts;
const services = Object.keys(servicePorts) as Exclude<AppName, "web">[];
const datastores = { mongodb: 27017, nats: 4222, redis: 6379 } as const;

const ingressController: Endpoint = {
  name: "ingress-controller",
  namespace: "ingress-nginx",
  namespaceLabels: { "kubernetes.io/metadata.name": "ingress-nginx" },
  labels: { "app.kubernetes.io/name": "ingress-nginx" },
  ip: "10.244.9.1",
};
const otherNamespace: Endpoint = {
  name: "a pod in another namespace",
  namespace: "other",
  namespaceLabels: { "kubernetes.io/metadata.name": "other" },
  labels: { app: "anything" },
  ip: "10.244.9.2",
};
const kubeDns: Endpoint = {
  name: "kube-dns",
  namespace: "kube-system",
  namespaceLabels: { "kubernetes.io/metadata.name": "kube-system" },
  labels: { "k8s-app": "kube-dns" },
  ip: "10.96.0.10",
};
// Addresses only: nothing is sent; the model just evaluates the policies' ipBlocks.
const internet: Endpoint = { name: "a public address", ip: "203.0.113.10" };
const privateAddress: Endpoint = { name: "a private address", ip: "10.1.2.3" };

describe.each(overlayNames())("NetworkPolicies of overlay %s", (overlay) => {
  const objects = render(`overlays/${overlay}`);
  const net = new NetworkModel(objects);
  /** What a service's Deployment says it uses decides what it may reach. */
  const uses = (app: AppName, variable: string) => {
    const d = ofKind(objects, "Deployment").find((x) => x.metadata.name === app);
    const c = d?.spec?.template.spec?.containers[0];
    return c ? resolveEnv(c, objects).has(variable) : false;
  };
  const webhookRouted = ofKind(objects, "Ingress").some((i) =>
    i.spec?.rules?.some((r) => r.http?.paths.some((p) => p.backend.service?.name === "payments")),
  );

  it("lets the ingress controller reach the web app and nothing else", () => {
    for (const pod of net.pods) {
      for (const port of Object.values(pod.ports ?? {})) {
        const expected =
          (pod.name === "web" && port === 3000) ||
          (webhookRouted && pod.name === "payments" && port === servicePorts.payments);
        expect(net.allowed(ingressController, pod, port), `${pod.name}:${port}`).toBe(expected);
      }
    }
  });

  it("lets no pod of another namespace in", () => {
    for (const pod of net.pods) {
      for (const port of Object.values(pod.ports ?? {})) {
        expect(net.allowed(otherNamespace, pod, port), `${pod.name}:${port}`).toBe(false);
      }
    }
  });

  it("lets the web app call every service and no data store", () => {
    const web = net.pod("web");
    for (const s of services) expect(net.allowed(web, net.pod(s), servicePorts[s]), s).toBe(true);
    for (const [d, port] of Object.entries(datastores)) {
      expect(net.allowed(web, net.pod(d), port), d).toBe(false);
    }
    expect(net.allowed(web, internet, 443)).toBe(false);
  });

  it.each(services)("lets %s reach only its own needs", (s) => {
    const pod = net.pod(s);
    expect(net.allowed(pod, net.pod("mongodb"), datastores.mongodb), "mongodb").toBe(true);
    expect(net.allowed(pod, net.pod("nats"), datastores.nats), "nats").toBe(true);
    expect(net.allowed(pod, net.pod("redis"), datastores.redis), "redis").toBe(
      uses(s, "REDIS_URL"),
    );
    for (const other of services.filter((o) => o !== s)) {
      // The only service-to-service call: fetching the auth service's public keys.
      const expected = other === "auth" && uses(s, "AUTH_JWKS_URL");
      expect(net.allowed(pod, net.pod(other), servicePorts[other]), other).toBe(expected);
    }
    expect(net.allowed(pod, net.pod("web"), 3000), "web").toBe(false);
    // The outside world only for Stripe (payments) and email (notifications).
    expect(net.allowed(pod, internet, 443), "https out").toBe(
      ["payments", "notifications"].includes(s),
    );
    expect(net.allowed(pod, privateAddress, 443), "private range").toBe(false);
  });

  it("lets every pod resolve names", () => {
    for (const pod of net.pods) {
      expect(net.allowed(pod, kubeDns, 53, "UDP"), pod.name).toBe(true);
      expect(net.allowed(pod, internet, 53, "UDP"), pod.name).toBe(false);
    }
  });

  it("lets the data stores talk to their own peers and to nothing outside", () => {
    expect(net.allowed(net.pod("mongodb"), net.pod("mongodb"), 27017)).toBe(true);
    expect(net.allowed(net.pod("mongodb-rs-init"), net.pod("mongodb"), 27017)).toBe(true);
    expect(net.allowed(net.pod("nats"), net.pod("nats"), 6222)).toBe(true);
    for (const d of Object.keys(datastores)) {
      expect(net.allowed(net.pod(d), internet, 443), d).toBe(false);
      for (const app of appNames) {
        const port = app === "web" ? 3000 : servicePorts[app];
        expect(net.allowed(net.pod(d), net.pod(app), port), `${d} -> ${app}`).toBe(false);
      }
    }
  });
});
