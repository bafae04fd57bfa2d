import { authEnvShape, parseEnv, portSchema, serviceEnvShape } from "@tx/service-kit";
import { z } from "zod";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  PORT: serviceEnvShape.PORT.default(4006),
  SMTP_HOST: z.string().min(1),
  SMTP_PORT: portSchema,
  MAIL_FROM: z.string().default("Ticket Exchange <no-reply@ticket-exchange.local>"),
});
