// They take or return tokens, which only this server may hold (in the session cookie's JWE).
const SERVER_ONLY_PROCEDURES = new Set([
  "auth.register",
  "auth.signIn",
  "auth.refresh",
  "auth.signOut",
]);

/**
 * The operator's procedures (every service's `operator.*`): the operator page calls them from
 * the server after its own check, so the browser never needs them.
 */
const SERVER_ONLY_PREFIXES = ["operator."];

/**
 * Whether the browser may call these procedures of a service through the same-origin proxy.
 * `procedures` is the path as sent: URL-encoded, batched calls joined by ",".
 */
export function browserMayCall(service: string, procedures: string): boolean {
  let names: string[];
  try {
    names = decodeURIComponent(procedures).split(",");
  } catch {
    return false;
  }
  return !names.some(
    (name) =>
      SERVER_ONLY_PROCEDURES.has(`${service}.${name}`) ||
      SERVER_ONLY_PREFIXES.some((prefix) => name.startsWith(prefix)),
  );
}
