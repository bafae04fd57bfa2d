import { authEnvShape, parseEnv, reconcileEnvShape, serviceEnvShape } from "@tx/service-kit";
import { z } from "zod";

export const env = parseEnv({
  ...serviceEnvShape,
  ...authEnvShape,
  ...reconcileEnvShape,
  PORT: serviceEnvShape.PORT.default(4002),
  /** The most a ticket may cost, as a multiple of its face value (1.0 = face value). */
  PRICE_CAP_RATIO: z.coerce.number().min(1).max(10).default(1),
});
