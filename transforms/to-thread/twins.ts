/** Declared async twins: `[tool.asyncshift.to-thread.twins]`, `"redis_manager.*" = "async_redis_manager.*"`. */

export const TWINS_TABLE = "[tool.asyncshift.to-thread.twins]";

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

/** An example twin declaration for a dotted name, for the "how to declare a twin" hint. */
export function twinExample(parts: string[]): string {
  if (parts.length < 2) return `"${parts[0]}" = "async_${parts[0]}"`;
  const object = parts.slice(0, -1);
  const asyncObject = [...object.slice(0, -1), `async_${object[object.length - 1]}`];
  return `"${object.join(".")}.*" = "${asyncObject.join(".")}.*"`;
}
