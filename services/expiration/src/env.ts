import {
  authEnvShape,
  parseEnv,
  reconcileEnvShape,
  redisEnvShape,
  serviceEnvShape,
} from "@tx/service-kit";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...redisEnvShape,
  ...reconcileEnvShape,
  PORT: serviceEnvShape.PORT.default(4005),
});
