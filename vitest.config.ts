import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // tree-sitter's native binding is not safe to load in worker threads that vitest recycles.
    pool: "forks",
  },
});
