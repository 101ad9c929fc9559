import { RUNNER_CODES } from "../model/codes.js";
import type { CodeDoc, Transform } from "../model/types.js";

/** `asyncshift list`: each transform, its summary and its codes. */
export function listTransforms(transforms: readonly Transform[]): string {
  const lines: string[] = [];
  for (const { meta } of transforms) {
    lines.push(`${meta.id}${meta.minDjango ? ` (Django >= ${meta.minDjango})` : ""}`);
    lines.push(`  ${meta.summary}`);
    for (const [code, doc] of Object.entries(meta.codes))
      lines.push(`  ${code} ${doc.severity.padEnd(7)} ${doc.title}`);
    lines.push("");
  }
  lines.push("runner");
  for (const [code, doc] of Object.entries(RUNNER_CODES))
    lines.push(`  ${code} ${doc.severity.padEnd(7)} ${doc.title}`);
  return lines.join("\n") + "\n";
}

/** `asyncshift explain` with no code: every code and its title, then how to read one. */
export function listCodes(transforms: readonly Transform[]): string {
  const lines: string[] = [];
  const add = (owner: string, codes: Record<string, CodeDoc>) => {
    for (const [code, doc] of Object.entries(codes))
      lines.push(`${code} ${doc.severity.padEnd(7)} ${owner.padEnd(11)} ${doc.title}`);
  };
  for (const { meta } of transforms) add(meta.id, meta.codes);
  add("runner", RUNNER_CODES);
  lines.push("", "`asyncshift explain CODE` explains one, with a before/after example.");
  return lines.join("\n") + "\n";
}

/** Where a code is documented: the transform that emits it, or the runner. */
export function codeDoc(
  transforms: readonly Transform[],
  code: string,
): { owner: string; doc: CodeDoc } | undefined {
  const wanted = code.toUpperCase();
  for (const { meta } of transforms)
    if (meta.codes[wanted]) return { owner: meta.id, doc: meta.codes[wanted] };
  if (RUNNER_CODES[wanted]) return { owner: "runner", doc: RUNNER_CODES[wanted] };
  return undefined;
}

function indented(text: string): string {
  return text.replace(/^/gm, "    ");
}

/** `asyncshift explain CODE`: title, paragraph, and the before/after example. */
export function explainCode(transforms: readonly Transform[], code: string): string | undefined {
  const found = codeDoc(transforms, code);
  if (!found) return undefined;
  const { owner, doc } = found;
  const parts = [
    `${code.toUpperCase()} (${owner}, ${doc.severity}): ${doc.title}`,
    "",
    doc.explanation,
  ];
  if (doc.before) parts.push("", "Before:", "", indented(doc.before));
  if (doc.after) parts.push("", "After:", "", indented(doc.after));
  return parts.join("\n") + "\n";
}
