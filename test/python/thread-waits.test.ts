import { describe, expect, it } from "vitest";
import { THREAD_WAITS_BY_CLASS, workerPools } from "../../src/python/thread-waits.js";

describe("workerPools", () => {
  it("gives each reader the pools it asks for, by what they do", () => {
    // blocking-calls' helpers: every pool's `with` exit waits, multiprocessing's included.
    expect([...workerPools({ onlyFutures: false, submodules: true })].sort()).toEqual([
      "concurrent.futures.ProcessPoolExecutor",
      "concurrent.futures.ThreadPoolExecutor",
      "concurrent.futures.process.ProcessPoolExecutor",
      "concurrent.futures.thread.ThreadPoolExecutor",
      "multiprocessing.Pool",
      "multiprocessing.pool.ThreadPool",
    ]);
    // to-thread's submits: a Future's pool, under either spelling.
    expect([...workerPools({ onlyFutures: true, submodules: true })].sort()).toEqual([
      "concurrent.futures.ProcessPoolExecutor",
      "concurrent.futures.ThreadPoolExecutor",
      "concurrent.futures.process.ProcessPoolExecutor",
      "concurrent.futures.thread.ThreadPoolExecutor",
    ]);
    // blocking-calls' waits in async def: the package's names.
    expect([...workerPools({ onlyFutures: true, submodules: false })].sort()).toEqual([
      "concurrent.futures.ProcessPoolExecutor",
      "concurrent.futures.ThreadPoolExecutor",
    ]);
  });

  it("lists concurrent.futures' pools among the thread waits: shutdown(), a with exit, map()", () => {
    expect(THREAD_WAITS_BY_CLASS["concurrent.futures.ThreadPoolExecutor"]).toEqual([
      "shutdown",
      "with",
      "map",
    ]);
    expect(THREAD_WAITS_BY_CLASS["multiprocessing.Pool"]).toBeUndefined();
  });
});
