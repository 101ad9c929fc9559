import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * tree-sitter-python's WebAssembly build and its node-types.json. The build copies both into
 * dist/grammar/ (scripts/bundle.mjs), so the installed package needs no native addon and nothing
 * to compile on any platform (issue 24): tree-sitter-python itself is a dev dependency, read from
 * node_modules only when the code runs from its TypeScript sources (the tests).
 */

export const GRAMMAR_FILES = ["tree-sitter-python.wasm", "node-types.json"] as const;

/** The folder holding the grammar files for this copy of the code. */
function grammarFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/bundle/<chunk>.js and dist/src/syntax/grammar.js both reach dist/grammar/.
  for (const folder of [join(here, "..", "grammar"), join(here, "..", "..", "grammar")])
    if (existsSync(join(folder, GRAMMAR_FILES[0]))) return folder;
  const wasm = createRequire(import.meta.url).resolve(`tree-sitter-python/${GRAMMAR_FILES[0]}`);
  return dirname(wasm);
}

/** The grammar's WebAssembly module, as bytes. */
export function grammarWasm(): Uint8Array {
  return readFileSync(join(grammarFolder(), GRAMMAR_FILES[0]));
}

interface NodeTypeInfo {
  type: string;
  named: boolean;
  fields?: Record<string, unknown>;
}

/** Node types of the grammar that name any of their children (node-types.json). */
export function typesWithFields(): Set<string> {
  const folder = grammarFolder();
  // In the dev dependency node-types.json sits in src/, beside grammar.json.
  const path = [join(folder, GRAMMAR_FILES[1]), join(folder, "src", GRAMMAR_FILES[1])].find((p) =>
    existsSync(p),
  );
  if (!path) throw new Error(`${GRAMMAR_FILES[1]} not found in ${folder}`);
  const info = JSON.parse(readFileSync(path, "utf8")) as NodeTypeInfo[];
  return new Set(
    info.filter((t) => t.named && t.fields && Object.keys(t.fields).length > 0).map((t) => t.type),
  );
}
