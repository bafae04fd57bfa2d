import { authEnvShape, parseEnv, serviceEnvShape } from "@tx/service-kit";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  PORT: serviceEnvShape.PORT.default(4003),
});
