/**
 * Declared async twins (`[tool.asyncshift.to-thread.twins]`, `"redis_manager.*" =
 * "async_redis_manager.*"`): which twin a dotted name has, and the callee it becomes. Read by
 * to-thread (the rewrite) and by the mock check (AS920: what a test patched is no longer called).
 */

export interface Twin {
  pattern: string;
  replacement: string;
}

/** The declared twin for a dotted name: an exact declaration first, then the most specific wildcard. */
export function twinFor(parts: string[], twins: Record<string, string>): Twin | undefined {
  const name = parts.join(".");
  if (twins[name] !== undefined) return { pattern: name, replacement: twins[name] };
  let best: { twin: Twin; wildcards: number } | undefined;
  for (const [pattern, replacement] of Object.entries(twins)) {
    const segments = pattern.split(".");
    if (segments.length !== parts.length) continue;
    if (!segments.every((s, i) => s === "*" || s === parts[i])) continue;
    const wildcards = segments.filter((s) => s === "*").length;
    if (!best || wildcards < best.wildcards) best = { twin: { pattern, replacement }, wildcards };
  }
  return best?.twin;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The twin's callee for `parts`, with each `*` filled by the name it matched; undefined when malformed. */
export function twinCallee(twin: Twin, parts: string[]): string | undefined {
  const captured = twin.pattern.split(".").flatMap((s, i) => (s === "*" ? [parts[i]] : []));
  const segments = twin.replacement.split(".");
  if (segments.filter((s) => s === "*").length !== captured.length) return undefined;
  if (!segments.every((s) => s === "*" || IDENTIFIER.test(s))) return undefined;
  let i = 0;
  return segments.map((s) => (s === "*" ? captured[i++] : s)).join(".");
}
