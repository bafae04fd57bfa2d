import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "./kustomize";
import { ofKind, secretReferences } from "./objects";
import { k8sDir, overlayNames } from "./repo";

const readme = readFileSync(path.join(k8sDir, "README.md"), "utf8");

/** The keys each `kubectl create secret generic <name> --from-literal=<key>=...` creates. */
function documentedSecrets(): Map<string, Set<string>> {
  const secrets = new Map<string, Set<string>>();
  const commands = readme
    .replace(/\\\n/g, " ")
    .matchAll(/create secret (generic|tls) (\S+)([^\n]*)/g);
  for (const [, type, name = "", rest = ""] of commands) {
    const keys = new Set(
      [...rest.matchAll(/--from-(?:literal|file)=([\w.-]+)=/g)].map((m) => m[1] as string),
    );
    if (type === "tls") for (const k of ["tls.crt", "tls.key"]) keys.add(k);
    secrets.set(name, keys);
  }
  return secrets;
}

describe.each(overlayNames())("k8s/README.md for overlay %s", (overlay) => {
  const objects = render(`overlays/${overlay}`);

  it("shows how to create every Secret key the manifests reference", () => {
    const documented = documentedSecrets();
    const missing = secretReferences(objects)
      .filter(
        (ref) =>
          !(documented.get(ref.name) && (!ref.key || documented.get(ref.name)?.has(ref.key))),
      )
      .map((ref) => `${ref.name}${ref.key ? `/${ref.key}` : ""}`);
    expect(missing).toEqual([]);
  });

  it("shows how to create the Ingress's TLS Secret", () => {
    for (const ing of ofKind(objects, "Ingress")) {
      for (const tls of ing.spec?.tls ?? []) {
        expect(documentedSecrets().has(tls.secretName ?? ""), tls.secretName).toBe(true);
      }
    }
  });
});
