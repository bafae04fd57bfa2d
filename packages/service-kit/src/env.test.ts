import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, serviceEnvShape } from "./env";

describe("parseEnv", () => {
  it("names every missing or bad variable", () => {
    const attempt = () => parseEnv(serviceEnvShape, { PORT: "not-a-port", NATS_URL: "" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/MONGO_URL/);
    expect(attempt).toThrow(/NATS_URL/);
  });

  it("applies defaults and coerces numbers", () => {
    const env = parseEnv(serviceEnvShape, {
      PORT: "4100",
      MONGO_URL: "mongodb://127.0.0.1:27017/",
      NATS_URL: "nats://127.0.0.1:4222",
    });
    expect(env).toMatchObject({ PORT: 4100, HOST: "127.0.0.1", NODE_ENV: "development" });
  });
});
