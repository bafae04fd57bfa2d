import { authEnvShape, emailLinkEnvShape, parseEnv, serviceEnvShape } from "@tx/service-kit";
import { z } from "zod";
import { mailEnvShape, mailTransportConfig } from "./mail/config";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...mailEnvShape,
  ...emailLinkEnvShape,
  PORT: serviceEnvShape.PORT.default(4006),
  /** Where the web app lives: links in emails point here. */
  WEB_BASE_URL: z
    .url()
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
});

export const mailTransport = mailTransportConfig(env);
