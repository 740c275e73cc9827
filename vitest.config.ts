import { defineConfig } from "vitest/config";

const workers = 2;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/support/summaryReporter.ts"],
    globalSetup: ["test/support/globalSetup.ts"],
    setupFiles: ["test/support/perFile.ts"],
    pool: "forks",
    maxWorkers: workers,
    // One moto per worker: files in one worker run one after another, so a reset cannot hit a neighbour.
    provide: { motoWorkers: workers },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
