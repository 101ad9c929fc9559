import { Language, Parser } from "web-tree-sitter";
import { grammarWasm } from "./grammar.js";

/*
 * tree-sitter's WebAssembly build (issue 24: nothing to compile, the same code on every platform).
 * Loading it is asynchronous, so it happens once per thread as this module loads (top-level
 * await); every parse after that is synchronous, as the transforms and the pipeline expect.
 *
 * The object handed to `Parser.init` becomes the build's Emscripten `Module`: it receives the
 * WebAssembly exports and the heap's views, which the tree copy calls directly (cursor.ts). It
 * stays empty when the binding was set up before this module loaded (`init` only sets up once).
 */
export const bindingModule: Record<string, unknown> = {};
await Parser.init(bindingModule);

/** The Python grammar, loaded once per thread. */
export const python = await Language.load(grammarWasm());
