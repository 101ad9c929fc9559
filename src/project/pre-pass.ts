import { statSync } from "node:fs";
import { factsOfFile, type FileFacts } from "./project-facts.js";
import { loneCarriageReturnLine, textOfPath } from "./source.js";
import { outlineOf } from "../python/outline.js";
import { packOutline, type PackedOutline } from "../python/packed-outline.js";

/* The pre-pass's look at one file (on a worker thread): see project-index.ts for the whole. */

/** What the pre-pass learns of one file. Plain data: it crosses threads. */
export interface PrePass {
  /** Undefined for a file that cannot be read or decoded. */
  facts?: FileFacts;
  /**
   * The file decodes, has sound line endings and holds no trigger word of any transform: the
   * rewrite pass would leave it unchanged with nothing to say, so it is not read again.
   */
  inert: boolean;
  /** Functions, calls and references, read without a parse (see outlineOf), packed. */
  outline?: PackedOutline;
  /** Which surveys' start words the text holds (see surveyStartsIn); undefined: not known. */
  starts?: number;
}

/** The facts of one file with every class body read: for the files `unreadModelBodies` names. */
export function modelFactsOfPath(file: string): FileFacts | undefined {
  const text = textOfPath(file);
  return text === undefined ? undefined : factsOfFile(text, true);
}

/**
 * The pre-pass for one file; unreadable, undecodable or too large files contribute nothing. `mayHoldSite`
 * tells whether a transform may find something in the text (its trigger words): a file that
 * none may is inert.
 */
export function prePassOfPath(
  file: string,
  mayHoldSite: (text: string) => boolean,
  maxBytes?: number,
  startsIn?: (text: string) => number,
): PrePass {
  // Over the size limit (issue 22, item 10): not read; the rewrite pass reports it (AS913).
  try {
    if (maxBytes !== undefined && statSync(file).size > maxBytes) return { inert: false };
  } catch {
    return { inert: false };
  }
  const text = textOfPath(file);
  if (text === undefined) return { inert: false };
  const inert = loneCarriageReturnLine(text) === undefined && !mayHoldSite(text);
  const prePass: PrePass = { ...prePassOfText(text), inert };
  if (startsIn) prePass.starts = startsIn(text);
  return prePass;
}

/** The pre-pass of a text not read from disk (`--stdin-filename`): processed, so never inert. */
export function prePassOfText(text: string): PrePass {
  return {
    facts: factsOfFile(text),
    inert: false,
    // Every file: one without a def may still hand a function on (`path("x/", views.index)`).
    outline: packOutline(outlineOf(text)),
  };
}

/** The packed outline of one file, read again (a cached entry whose calls were not kept). */
export function outlineOfPath(file: string): PackedOutline | undefined {
  const text = textOfPath(file);
  return text === undefined ? undefined : packOutline(outlineOf(text));
}
