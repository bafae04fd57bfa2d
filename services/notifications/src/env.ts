import {
  authEnvShape,
  emailLinkEnvShape,
  parseEnv,
  serviceEnvShape,
  webBaseUrlEnvShape,
} from "@tx/service-kit";
import { mailEnvShape, mailTransportConfig } from "./mail/config";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...mailEnvShape,
  ...emailLinkEnvShape,
  PORT: serviceEnvShape.PORT.default(4006),
  ...webBaseUrlEnvShape,
});

export const mailTransport = mailTransportConfig(env);
