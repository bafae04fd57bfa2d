import { runService } from "@tx/service-kit";

runService(() => import("./service"));
