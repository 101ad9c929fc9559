/** Declared async twins: `[tool.asyncshift.to-thread.twins]`, `"redis_manager.*" = "async_redis_manager.*"`. */

export const TWINS_TABLE = "[tool.asyncshift.to-thread.twins]";

export { twinCallee, twinFor, type Twin } from "../../src/model/twins.js";

/** An example twin declaration for a dotted name, for the "how to declare a twin" hint. */
export function twinExample(parts: string[]): string {
  if (parts.length < 2) return `"${parts[0]}" = "async_${parts[0]}"`;
  const object = parts.slice(0, -1);
  const asyncObject = [...object.slice(0, -1), `async_${object[object.length - 1]}`];
  return `"${object.join(".")}.*" = "${asyncObject.join(".")}.*"`;
}
