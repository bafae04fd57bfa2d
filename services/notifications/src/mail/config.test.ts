import { ConfigError, parseEnv } from "@tx/service-kit";
import { describe, expect, it } from "vitest";
import { mailEnvShape, mailTransportConfig } from "./config";

const configFrom = (source: Record<string, string>) =>
  mailTransportConfig(parseEnv(mailEnvShape, source));

describe("choosing the mail transport from the environment", () => {
  it("uses Resend when RESEND_API_KEY is set, at RESEND_BASE_URL when given", () => {
    expect(configFrom({ RESEND_API_KEY: "re_123" })).toMatchObject({
      kind: "resend",
      baseUrl: "https://api.resend.com",
    });
    expect(
      configFrom({ RESEND_API_KEY: "re_123", RESEND_BASE_URL: "http://127.0.0.1:8787/" }),
    ).toMatchObject({ kind: "resend", baseUrl: "http://127.0.0.1:8787" });
  });

  it("uses SMTP without a Resend key", () => {
    expect(configFrom({ SMTP_HOST: "127.0.0.1", SMTP_PORT: "1025" })).toEqual({
      kind: "smtp",
      host: "127.0.0.1",
      port: 1025,
      from: "Ticket Exchange <no-reply@ticket-exchange.local>",
    });
  });

  it("refuses to start without a Resend key or SMTP settings, naming what is missing", () => {
    expect(() => configFrom({})).toThrow(ConfigError);
    expect(() => configFrom({ SMTP_HOST: "mail" })).toThrow(
      /SMTP_PORT: required when RESEND_API_KEY is not set/,
    );
    expect(() => configFrom({})).toThrow(/SMTP_HOST: required when RESEND_API_KEY is not set/);
  });
});
