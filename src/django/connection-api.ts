/*
 * Django's database connection API is async-unsafe: `BaseDatabaseWrapper`'s `connect`,
 * `ensure_connection`, `cursor`, `close`, `commit`, `rollback`, the savepoints and autocommit are
 * decorated `@async_unsafe` (django/db/backends/base/base.py) and raise SynchronousOnlyOperation
 * on a thread whose event loop runs; `close_old_connections()` and `transaction.atomic()` reach
 * them. A function doing any of this cannot be moved onto the loop (hazard-review-5 J3:
 * jumpserver's `safe_db_connection()` around a channels consumer's handlers).
 */

/** Methods of a connection (`connection.cursor()`, each of `connections.all()`) that are async-unsafe. */
const UNSAFE_METHODS = new Set([
  "connect",
  "ensure_connection",
  "cursor",
  "chunked_cursor",
  "close",
  "close_if_unusable_or_obsolete",
  "commit",
  "rollback",
  "savepoint",
  "savepoint_rollback",
  "savepoint_commit",
  "set_autocommit",
  "get_autocommit",
  "temporary_connection",
]);

/** Functions of `django.db` that reach those methods. */
const UNSAFE_FUNCTIONS = new Set([
  "django.db.close_old_connections",
  "django.db.transaction.atomic",
  "django.db.transaction.commit",
  "django.db.transaction.rollback",
  "django.db.transaction.savepoint",
  "django.db.transaction.savepoint_commit",
  "django.db.transaction.savepoint_rollback",
  "django.db.transaction.set_autocommit",
  "django.db.transaction.get_autocommit",
]);

/** A connection object: `django.db.connection`, `connections["default"]`, one of `connections.all()`. */
const CONNECTION = /^django\.db\.(connection|connections)(\.|$)/;

/**
 * Is this call Django's async-unsafe connection API? `qualified`: the callee's qualified name;
 * `receiverMadeBy`/`method`: for `conn.close()` with `conn` from `connections.all()`.
 */
export function isAsyncUnsafeConnectionCall(
  qualified: string | undefined,
  receiverMadeBy: string | undefined,
  method: string | undefined,
): boolean {
  if (qualified && UNSAFE_FUNCTIONS.has(qualified)) return true;
  if (!method || !UNSAFE_METHODS.has(method)) return false;
  return (
    (qualified !== undefined && CONNECTION.test(qualified)) ||
    (receiverMadeBy !== undefined && CONNECTION.test(receiverMadeBy))
  );
}
