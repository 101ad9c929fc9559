// orm-human-6 G9 (django-matt's `@jwt_required`): a project decorator whose wrapper sets
// `request.user = user` (a row it loaded) before it calls the view. In the views it decorates,
// `request.user` is that value, no longer Django's lazy user (a SimpleLazyObject whose first use
// queries): building a query from it is no hazard. Read from the text, as the pre-pass reads every
// file without a parse: a module-level `def <name>(<func>, ...)` holding a nested def whose own
// body assigns `<x>.user = <value>` as one of its statements (not under an `if`), on a line before
// any call of `<func>` there, and whose value is not itself a lazy object.

// `def jwt_required(func)`, also with PEP 695 type parameters: `def jwt_required[F: Callable](func: F)`.
const DEF_LINE =
  /^def[ \t]+([A-Za-z_]\w*)[ \t]*(?:\[[^\]\n]*(?:\[[^\]\n]*\][^\]\n]*)*\])?[ \t]*\([ \t]*([A-Za-z_]\w*)/;
const NESTED_DEF = /^([ \t]+)(?:async[ \t]+)?def[ \t]+[A-Za-z_]\w*[ \t]*\(/;
const USER_ASSIGNED = /^[ \t]*[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.user[ \t]*=(?!=)(.*)$/;

/** The names of the file's decorators that replace `request.user` before calling the view. */
export function userAssigningDecoratorsIn(source: string): string[] | undefined {
  if (!source.includes(".user") || !/\.user[ \t]*=[^=]/.test(source)) return undefined;
  const lines = source.split(/\r?\n/);
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = DEF_LINE.exec(lines[i]);
    if (!head) continue;
    const end = blockEnd(lines, i, 0);
    if (wrapperAssignsUser(lines, i + 1, end, head[2])) found.push(head[1]);
    i = end - 1;
  }
  return found.length > 0 ? found : undefined;
}

/** In lines [from, to): a nested def whose body sets `<x>.user` before it calls `func`. */
function wrapperAssignsUser(lines: string[], from: number, to: number, func: string): boolean {
  const call = new RegExp(`\\b${func}[ \\t]*\\(`);
  for (let i = from; i < to; i++) {
    const nested = NESTED_DEF.exec(lines[i]);
    if (!nested) continue;
    const bodyStart = headerEnd(lines, i) + 1;
    const bodyEnd = blockEnd(lines, i, nested[1].length);
    const indent = indentOf(lines.slice(bodyStart, bodyEnd).find((l) => l.trim() !== "") ?? "");
    for (let j = bodyStart; j < bodyEnd; j++) {
      if (call.test(lines[j])) break;
      const assigned = USER_ASSIGNED.exec(lines[j]);
      const value = assigned?.[1].replace(/#.*$/, "") ?? "";
      if (assigned && indentOf(lines[j]) === indent && !/lazy|None\b/i.test(value)) return true;
    }
  }
  return false;
}

/** The line ending a def's header (`def f(\n a,\n) -> X:`): the first whose code ends with `:`. */
function headerEnd(lines: string[], start: number): number {
  for (let i = start; i < lines.length && i < start + 20; i++)
    if (/:[ \t]*(?:#.*)?$/.test(lines[i])) return i;
  return start;
}

/** The first line after `start` that holds code indented `indent` or less (a block's end). */
function blockEnd(lines: string[], start: number, indent: number): number {
  for (let i = headerEnd(lines, start) + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "" || /^[ \t]*#/.test(line)) continue;
    if (indentOf(line) <= indent && !/^[ \t]*[)\]}]/.test(line)) return i;
  }
  return lines.length;
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}
