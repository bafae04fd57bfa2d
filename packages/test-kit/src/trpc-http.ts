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

/** Value at quantile q (0..1) of a list of numbers. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
  );
}
