import type { K8sObject } from "./objects";

type Model = { validate: () => void };
type ModelClass = new (data: unknown) => Model;

/**
 * Validates an object against the Kubernetes OpenAPI schema of its apiVersion and kind, as
 * compiled into the kubernetes-models package (no download). Throws with the failing paths.
 */
export async function validateAgainstSchema(object: K8sObject): Promise<void> {
  const specifier = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
  } catch {
    throw new Error(`no schema for ${object.apiVersion} ${object.kind} (${specifier})`);
  }
  const Class = mod[object.kind] as ModelClass | undefined;
  if (!Class) throw new Error(`${specifier} exports no ${object.kind}`);
  new Class(object).validate();
}
