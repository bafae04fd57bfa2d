import { connectServiceForTest } from "@tx/service-kit/testing";

type Urls = Parameters<typeof connectServiceForTest>[1];

/**
 * For in-process tests: payments' settings on the test's servers (`urls`) with `settings`
 * over them, then the database and bus connection. Import the modules under test after
 * this: they read their configuration on import.
 */
export function connectPaymentsForTest(urls: Urls, settings: Record<string, string> = {}) {
  Object.assign(process.env, urls, {
    PORT: "0",
    AUTH_JWKS_URL: "http://127.0.0.1:1/jwks",
    // The sandbox posts webhooks to a service that is not running here: keep its retries quiet.
    LOG_LEVEL: "silent",
    ...settings,
  });
  return connectServiceForTest("payments", urls);
}
