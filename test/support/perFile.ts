import { beforeAll } from "vitest";
import { resetMoto } from "./moto.js";
import { motoEndpoint } from "./ssm.js";

// Every test file starts from an empty SSM.
beforeAll(async () => {
  await resetMoto(motoEndpoint());
});
