/** Plain HTTP calls to a service's tRPC endpoint, as a client from outside would make them. */
export type TrpcResult<T> = {
  status: number;
  data?: T;
  error?: { message: string; data?: { code: string } };
};

async function send<T>(url: string, init: RequestInit): Promise<TrpcResult<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { result?: { data: T }; error?: TrpcResult<T>["error"] };
    return { status: res.status, data: body.result?.data, error: body.error };
  } catch {
    // Not JSON: report it as it came, so a test can judge the answer.
    return { status: res.status, error: { message: text } };
  }
}

const auth = (token?: string): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

export function trpcMutation<T>(serviceUrl: string, path: string, input: unknown, token?: string) {
  return send<T>(`${serviceUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth(token) },
    body: JSON.stringify(input),
  });
}

export function trpcQuery<T>(serviceUrl: string, path: string, input?: unknown, token?: string) {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return send<T>(`${serviceUrl}/trpc/${path}${q}`, { headers: auth(token) });
}

/**
 * A subscription's first answer over server-sent events, as a TrpcResult: its first data
 * event (200), or the error event a refused call sends instead (its HTTP status is in the
 * error's data, as the stream itself always starts with 200), or 200 without data when the
 * stream is open and quiet for a second. The stream is then closed.
 */
export async function trpcSubscriptionFirst<T>(
  serviceUrl: string,
  path: string,
  input?: unknown,
  token?: string,
  timeoutMs = 10_000,
): Promise<TrpcResult<T>> {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(`${serviceUrl}/trpc/${path}${q}`, {
      headers: { accept: "text/event-stream", ...auth(token) },
      signal: abort.signal,
    });
    if (!res.headers.get("content-type")?.startsWith("text/event-stream")) {
      return send<T>(`${serviceUrl}/trpc/${path}${q}`, { headers: auth(token) });
    }
    const decoder = new TextDecoder();
    let buffer = "";
    let connected = false;
    try {
      const reader = res.body?.getReader();
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
        buffer += decoder.decode(chunk.value, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
          const field = (name: string) =>
            block
              .split("\n")
              .filter((line) => line.startsWith(`${name}:`))
              .map((line) => line.slice(name.length + 1).trimStart())
              .join("\n");
          const event = field("event");
          const data = field("data");
          if (event === "serialized-error") {
            const error = JSON.parse(data) as NonNullable<TrpcResult<T>["error"]> & {
              data?: { httpStatus?: number };
            };
            return { status: error.data?.httpStatus ?? 500, error };
          }
          if (!event && data) return { status: 200, data: JSON.parse(data) as T };
          // Open and accepted; a stream with nothing to say yet is an answer too.
          if (event === "connected" && !connected) {
            connected = true;
            setTimeout(() => abort.abort(), 1_000).unref();
          }
        }
      }
    } catch (err) {
      if (!(connected && abort.signal.aborted)) throw err;
      return { status: 200 };
    }
    return { status: 0, error: { message: "the stream ended without an event" } };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** Value at quantile q (0..1) of a list of numbers. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
  );
}
