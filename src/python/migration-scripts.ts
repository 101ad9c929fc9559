/*
 * Alembic's commands (`alembic.command.upgrade(config, "head")`, `downgrade`, `stamp`, ...) run
 * the project's migration environment, `env.py` in the script location, whose module-level code
 * configures the context and runs the migrations: cognee's drives an async engine with
 * `asyncio.run(...)`, a RuntimeError on a thread whose event loop runs (hazard-review-5, cognee's
 * `startup.py` unwraps). Reading a library call as the project code it runs needs both facts.
 */

/** Alembic commands that load and run the migration environment (env.py). */
const RUNS_ENV = new Set([
  "upgrade",
  "downgrade",
  "stamp",
  "revision",
  "merge",
  "check",
  "current",
  "ensure_version",
]);

/** Does this library call run the project's Alembic `env.py` (`alembic.command.upgrade`)? */
export function runsAlembicEnv(qualified: string): boolean {
  const match = /^alembic\.command\.(\w+)$/.exec(qualified);
  return match !== null && RUNS_ENV.has(match[1]);
}

/** Is the file at `path`, importing `imports`, an Alembic migration environment (`env.py`)? */
export function isAlembicEnv(path: string, imports: readonly string[]): boolean {
  return (
    /(^|\/)env\.py$/.test(path) && imports.some((i) => i === "alembic" || i.startsWith("alembic."))
  );
}
