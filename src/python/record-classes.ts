import type { SyntaxNode } from "../model/types.js";
import { importBindingOf } from "./imports.js";

// orm-review-4 P20: record classes of the project defined in other modules (`class
// AnsibleEventMessage(Message)` over pydantic's BaseModel, in `app/messages.py`): a parameter
// annotated with one holds its fields in memory, as one annotated with a record class of its own
// file does. Which classes those are is a fact of the project (src/project/plain-classes.ts) that
// this module, which knows Python only, is told per file by the transform asking it.

interface ProjectRecords {
  /** Record class names: none of their chain computes an attribute (no property). */
  names: ReadonlySet<string>;
  /** The project's top-level modules: a name imported from one of them is the project's. */
  tops: ReadonlySet<string>;
}

const NONE: ProjectRecords = { names: new Set(), tops: new Set() };

function holder(at: SyntaxNode): { records: ProjectRecords } {
  return at.tree.memoized("projectRecordClasses", () => ({ records: NONE }));
}

/** Tells the file's tree which classes of the project are records. */
export function useProjectRecords(root: SyntaxNode, records: ProjectRecords): void {
  holder(root).records = records;
}

/**
 * An annotation word naming a record class of the project (`AnsibleEventMessage`,
 * `messages.AnsibleEventMessage`) imported from a module of the project.
 */
export function isProjectRecord(word: string, at: SyntaxNode): boolean {
  const { names, tops } = holder(at).records;
  const parts = word.split(".");
  if (!names.has(parts.at(-1)!)) return false;
  const binding = importBindingOf(parts[0], at);
  if (!binding) return false;
  const relative =
    binding.statement.type === "import_from_statement" &&
    /^\s*from\s+\./.test(binding.statement.text);
  return relative || tops.has(binding.qualified.replace(/^\.+/, "").split(".")[0]);
}
