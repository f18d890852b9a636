import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Golden and conformance tests run compiled programs as child processes.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
  },
});
