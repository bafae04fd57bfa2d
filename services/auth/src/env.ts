import { parseEnv, serviceEnvShape } from "@tx/service-kit";

export const env = parseEnv({
  ...serviceEnvShape,
  PORT: serviceEnvShape.PORT.default(4001),
});
