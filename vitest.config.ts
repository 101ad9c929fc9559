import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files run in child processes, as they had to with the native tree-sitter binding (not
    // safe in the worker threads vitest recycles); the WebAssembly parser is loaded per process.
    pool: "forks",
  },
});
