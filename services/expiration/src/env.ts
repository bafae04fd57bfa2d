import { parseEnv, redisEnvShape, serviceEnvShape } from "@tx/service-kit";

export const env = parseEnv({
  ...serviceEnvShape,
  ...redisEnvShape,
  PORT: serviceEnvShape.PORT.default(4005),
});
