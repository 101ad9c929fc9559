import type { SyntaxNode } from "../model/types.js";
import { qualifiedName } from "../python/imports.js";

// Whether an expression names asgiref's sync_to_async or Channels' database_sync_to_async, for
// the proofs that see through a wrapper (`x = await sync_to_async(Model.objects.get)(...)` binds a
// model instance). An import says it from the tree alone. A file's own aliases (`db_async =
// sync_to_async`, a helper that returns the wrapper of its parameter), a name bound by a star
// import and a project module's re-export are known to the transform that reads the project: it
// tells the file's tree (useThreadWrappers), so the proofs read the same wrappers as its sites.

const QUALIFIED = new Set(["asgiref.sync.sync_to_async", "channels.db.database_sync_to_async"]);

type Knows = (expr: SyntaxNode) => boolean;

const NONE: Knows = () => false;

function holder(at: SyntaxNode): { knows: Knows } {
  return at.tree.memoized("threadWrappers", () => ({ knows: NONE }));
}

/** Tells the file's tree which other names stand for a thread wrapper. */
export function useThreadWrappers(root: SyntaxNode, knows: Knows): void {
  holder(root).knows = knows;
}

/** `sync_to_async`, `database_sync_to_async`, or a name the file's transform knows stands for one. */
export function isThreadWrapper(expr: SyntaxNode): boolean {
  return QUALIFIED.has(qualifiedName(expr) ?? "") || holder(expr).knows(expr);
}
