/*
 * Library calls that refuse to run on a thread whose asyncio event loop is running: the reason
 * a project wraps them in `asyncio.to_thread(...)`. Playwright's sync API checks for a running
 * loop in `sync_playwright().__enter__` and raises "It looks like you are using Playwright Sync
 * API inside the asyncio loop"; patchright and camoufox are forks of it, and scrapling's sync
 * fetchers drive it (hazard-review-4 K3: SurfSense's crawlers, unwrapped safely, then failing on
 * every crawl).
 */

/** The module prefixes whose every call is Playwright's sync API (or a fork's). */
const SYNC_PLAYWRIGHT_MODULES = ["playwright.sync_api", "patchright.sync_api", "camoufox.sync_api"];

/** scrapling's sync fetchers' and sessions' methods, which start a sync Playwright browser (not their constructors). */
const SCRAPLING_SYNC =
  /^scrapling(\.fetchers)?\.(StealthyFetcher|DynamicFetcher|PlayWrightFetcher|StealthySession|DynamicSession)\.\w+$/;

/**
 * Why a library call cannot run on a thread whose event loop is running, when it is one of these:
 * `playwright.sync_api.sync_playwright` -> "Playwright's sync API, ...".
 */
export function loopRefusingCall(qualified: string | undefined): string | undefined {
  if (!qualified) return undefined;
  const sync = SYNC_PLAYWRIGHT_MODULES.find(
    (m) => qualified === m || qualified.startsWith(`${m}.`),
  );
  if (sync)
    return `calls ${qualified}(), Playwright's sync API, which raises "using Playwright Sync API inside the asyncio loop" on a thread whose event loop is running`;
  if (SCRAPLING_SYNC.test(qualified))
    return `calls ${qualified}(), one of scrapling's sync fetchers, which drive Playwright's sync API and raise "using Playwright Sync API inside the asyncio loop" on a thread whose event loop is running`;
  return undefined;
}
