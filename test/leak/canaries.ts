// The leak suite's canary secrets and the verify fixtures that drag them through every check.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export const CANARIES = {
  "/leak/app/api_key": "CANARY-api-7f3k'9\"Zq$(id)`x`",
  "/leak/app/pem":
    "-----BEGIN CANARY KEY-----\nQ0FOQVJZUEVNTElORU9ORTEyMzQ1\nQ0FOQVJZUEVNTElORVRXTzY3ODkw\n-----END CANARY KEY-----\n",
  "/leak/app/json": '{"client_secret":"CANARY-json-leaf-88x","id":"CANARY-json-id-99y"}',
  "/leak/app/unholdable": "CANARY'\"`-all-quotes\r",
  "/leak/ci/github_token": "ghp_CANARY0000000000000000000000000000",
};

/** A manifest every canary fails in its own way, and a target env file that drifted from SSM. */
export function writeVerifyFixtures(dir: string): void {
  writeFileSync(
    join(dir, "m.yml"),
    "prefix: /leak/app/\nparameters:\n  api_key:\n    placeholders: ['CANARY-api-7f3k']\n    min_length: 200\n  pem:\n    pattern: ^nope\n  json: {}\n  missing: {}\n",
  );
  writeFileSync(
    join(dir, "drifted.env"),
    `API_KEY='CANARY-api-7f3k-old'\nPEM='${CANARIES["/leak/app/pem"].replace(/'/g, "")}x'\nEXTRA='CANARY-extra'\n`,
  );
}
