import { authEnvShape, parseEnv, redisEnvShape, serviceEnvShape } from "@tx/service-kit";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...redisEnvShape,
  PORT: serviceEnvShape.PORT.default(4005),
});
