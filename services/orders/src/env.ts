import { authEnvShape, parseEnv, reconcileEnvShape, serviceEnvShape } from "@tx/service-kit";
import { z } from "zod";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...reconcileEnvShape,
  PORT: serviceEnvShape.PORT.default(4003),
  /** How long a buyer holds a listing while paying. */
  ORDER_HOLD_SECONDS: z.coerce.number().int().min(1).max(3600).default(900),
});
