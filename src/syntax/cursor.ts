import type { Tree as ParserTree, TreeCursor } from "web-tree-sitter";
import { bindingModule } from "./binding.js";

/*
 * The cursor steps the tree copy takes (tree.ts), over web-tree-sitter's WebAssembly exports.
 *
 * The binding's TreeCursor keeps the cursor's state (four words) in JavaScript: every call writes
 * them into the build's transfer buffer, calls the export, and reads them back after a move, each
 * word one `setValue` or `getValue`. That marshalling cost more than the steps themselves (about a
 * third of copyTree's time on crewAI). The C side reads the cursor from the transfer buffer on
 * every call and writes it back after every move (`unmarshal_cursor` and `marshal_cursor` in the
 * binding's tree-sitter.c), so a walk that makes no other binding call in between can leave the
 * state there: `ExportCursor` calls the exports directly, from the cursor's creation to its
 * deletion. `BindingCursor`, the public API, serves when the exports are not there (the binding
 * was set up before binding.ts, or a version that names them otherwise); test/syntax/tree.test.ts
 * checks that both give the same copy.
 */
export interface CopyCursor {
  typeId(): number;
  isNamed(): boolean;
  /** The node's range, in UTF-16 code units. */
  startIndex(): number;
  endIndex(): number;
  /** The field the node's parent names it by, 0 for none. */
  fieldId(): number;
  isMissing(): boolean;
  /** The binding's `Node.hasError`. */
  hasError(): boolean;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** Frees the cursor (it lives in the WebAssembly heap). */
  delete(): void;
}

/** The exports the walk calls, each taking the tree's address; booleans come back as 0 or 1. */
interface CursorExports {
  _ts_tree_root_node_wasm(tree: number): void;
  _ts_tree_cursor_new_wasm(tree: number): void;
  _ts_tree_cursor_delete_wasm(tree: number): void;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_named_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_wasm(tree: number): void;
  _ts_node_has_error_wasm(tree: number): number;
  _ts_init(): number;
  HEAP32: Int32Array;
}

const EXPORTED_FUNCTIONS = [
  "_ts_tree_root_node_wasm",
  "_ts_tree_cursor_new_wasm",
  "_ts_tree_cursor_delete_wasm",
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm",
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_current_node_is_named_wasm",
  "_ts_tree_cursor_current_node_is_missing_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_current_field_id_wasm",
  "_ts_tree_cursor_current_node_wasm",
  "_ts_node_has_error_wasm",
  "_ts_init",
] as const;

/** The exports, when the binding's module has every one of them. */
const cursorExports: CursorExports | undefined = EXPORTED_FUNCTIONS.every(
  (name) => typeof bindingModule[name] === "function",
)
  ? (bindingModule as unknown as CursorExports)
  : undefined;

/**
 * The transfer buffer's word index in HEAP32 (`ts_init` only stores the language versions in it
 * again and returns its address); the cursor's four words are its first four.
 */
const transferWord = cursorExports ? cursorExports._ts_init() >> 2 : 0;

/** Whether the copy walks over the exports: they are there, and the self-check agreed. */
let overExports = cursorExports !== undefined;

/**
 * Uses the exports only if `sameCopies` (a copy of a small tree over them and over the binding's
 * cursor, compared: parse.ts asks once per thread) says both give the same tree: another
 * web-tree-sitter whose C side keeps the cursor otherwise falls back to the binding's cursor
 * instead of copying wrong trees.
 */
export function checkCopiesOverExports(sameCopies: () => boolean): void {
  if (!overExports) return;
  try {
    overExports = sameCopies();
  } catch {
    overExports = false;
  }
}

/** A cursor at the root of `native`: over the exports when they are there and agreed. */
export function copyCursor(native: ParserTree, viaBinding = false): CopyCursor {
  const address = (native as unknown as Record<number, unknown>)[0];
  if (cursorExports && overExports && !viaBinding && typeof address === "number" && address !== 0)
    return new ExportCursor(cursorExports, address);
  return new BindingCursor(native.walk());
}

/** Whether copies are made over the exports in this thread. */
export function copiesOverExports(): boolean {
  return overExports;
}

/**
 * A cursor whose state stays in the transfer buffer from its creation to its deletion: no call
 * through the binding may come in between (the copy makes none; its walk is synchronous).
 */
class ExportCursor implements CopyCursor {
  constructor(
    private readonly wasm: CursorExports,
    private readonly tree: number,
  ) {
    // As `tree.walk()` does: the root node into the buffer, then a cursor made from it.
    wasm._ts_tree_root_node_wasm(tree);
    wasm._ts_tree_cursor_new_wasm(tree);
  }
  typeId(): number {
    return this.wasm._ts_tree_cursor_current_node_type_id_wasm(this.tree);
  }
  isNamed(): boolean {
    return this.wasm._ts_tree_cursor_current_node_is_named_wasm(this.tree) === 1;
  }
  startIndex(): number {
    return this.wasm._ts_tree_cursor_start_index_wasm(this.tree);
  }
  endIndex(): number {
    return this.wasm._ts_tree_cursor_end_index_wasm(this.tree);
  }
  fieldId(): number {
    return this.wasm._ts_tree_cursor_current_field_id_wasm(this.tree);
  }
  isMissing(): boolean {
    return this.wasm._ts_tree_cursor_current_node_is_missing_wasm(this.tree) === 1;
  }
  hasError(): boolean {
    // The node is read through the buffer, over the cursor's words: they are put back after.
    const heap = this.wasm.HEAP32;
    const saved = heap.slice(transferWord, transferWord + 4);
    this.wasm._ts_tree_cursor_current_node_wasm(this.tree);
    const hasError = this.wasm._ts_node_has_error_wasm(this.tree) === 1;
    this.wasm.HEAP32.set(saved, transferWord);
    return hasError;
  }
  gotoFirstChild(): boolean {
    return this.wasm._ts_tree_cursor_goto_first_child_wasm(this.tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.wasm._ts_tree_cursor_goto_next_sibling_wasm(this.tree) === 1;
  }
  gotoParent(): boolean {
    return this.wasm._ts_tree_cursor_goto_parent_wasm(this.tree) === 1;
  }
  delete(): void {
    this.wasm._ts_tree_cursor_delete_wasm(this.tree);
  }
}

/** The binding's own TreeCursor: every step marshalled. */
class BindingCursor implements CopyCursor {
  constructor(private readonly cursor: TreeCursor) {}
  typeId(): number {
    return this.cursor.nodeTypeId;
  }
  isNamed(): boolean {
    return this.cursor.nodeIsNamed;
  }
  startIndex(): number {
    return this.cursor.startIndex;
  }
  endIndex(): number {
    return this.cursor.endIndex;
  }
  fieldId(): number {
    return (this.cursor.currentFieldId as number | undefined) ?? 0;
  }
  isMissing(): boolean {
    return this.cursor.currentNode.isMissing;
  }
  hasError(): boolean {
    return this.cursor.currentNode.hasError;
  }
  gotoFirstChild(): boolean {
    return this.cursor.gotoFirstChild();
  }
  gotoNextSibling(): boolean {
    return this.cursor.gotoNextSibling();
  }
  gotoParent(): boolean {
    return this.cursor.gotoParent();
  }
  delete(): void {
    this.cursor.delete();
  }
}
