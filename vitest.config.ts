import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Index-building suites write under a per-test temp dir; files run in parallel safely.
    pool: "forks",
  },
});
