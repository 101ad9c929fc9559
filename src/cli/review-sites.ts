import type { Change } from "diff";
import type { ReportedFix, ReportedRange } from "../model/reported.js";
import type { FileResult } from "../model/results.js";
import { countSyntaxProblems, parsePython, withNativeTree } from "../syntax/parse.js";
import { allImportStatements, importBindings } from "../python/imports.js";
import { isNameReference } from "../python/scope.js";
import { hunksOf, type Hunk } from "./hunks.js";

// `-i` asks once per site, not per hunk: a site's rewrite often spans several hunks (a decorator
// removed, `def` made `async def`, a call awaited further down), and answering them apart could
// leave a file that does not parse. The import lines the engine planned for the sites belong to
// none of them: they follow what was accepted.

export type Changed = Extract<FileResult, { status: "changed" }>;

/** One question: the sites of one file whose hunks touch, with those hunks. */
export interface SiteUnit {
  file: Changed;
  sites: ReportedFix[];
  /** Indexes into the file's hunks. */
  hunks: number[];
}

/** A changed file's diff, cut into the questions asked about it. */
export interface FileSites {
  file: Changed;
  parts: Change[];
  hunks: Hunk[];
  units: SiteUnit[];
  /** Hunks of no site (the import plan's), decided by what is accepted. */
  shared: number[];
}

/** Old-text lines a hunk replaces, or touches on both sides when it only inserts. */
function oldLines(parts: Change[], hunk: Hunk): [number, number] {
  const removed = parts
    .slice(hunk.first, hunk.end)
    .filter((p) => p.removed)
    .reduce((n, p) => n + (p.count ?? 0), 0);
  return removed > 0
    ? [hunk.oldStart, hunk.oldStart + removed - 1]
    : [hunk.oldStart - 1, hunk.oldStart];
}

function overlaps([from, to]: [number, number], range: ReportedRange): boolean {
  // A range ending at column 1 of a line ends with the line before it.
  const last =
    range.endLine > range.line && range.endColumn === 1 ? range.endLine - 1 : range.endLine;
  return from <= last && range.line <= to;
}

/** The ranges a site's rewrite covers: its edits', or its own when they were not recorded. */
function rangesOf(site: ReportedFix): ReportedRange[] {
  return site.spans && site.spans.length > 0 ? site.spans : [site];
}

/**
 * The questions about one file: each site with the hunks its edits fall in, sites sharing a hunk
 * asked together. A file with one site (or none recorded) is one question with every hunk.
 */
export function sitesOfFile(file: Changed): FileSites {
  const { parts, hunks } = hunksOf(file.original!, file.output!);
  const sites = file.fixes ?? [];
  const whole = { file, parts, hunks, shared: [] };
  if (sites.length <= 1)
    return { ...whole, units: [{ file, sites, hunks: hunks.map((_, h) => h) }] };
  // Union-find over sites: two sites touching one hunk are one question.
  const parent = sites.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = hunks.map((hunk) => {
    const lines = oldLines(parts, hunk);
    const touching = sites.flatMap((site, i) =>
      rangesOf(site).some((r) => overlaps(lines, r)) ? [i] : [],
    );
    for (const i of touching.slice(1)) parent[find(i)] = find(touching[0]);
    return touching[0];
  });
  const byRoot = new Map<number, SiteUnit>();
  sites.forEach((site, i) => {
    const root = find(i);
    const unit = byRoot.get(root) ?? { file, sites: [], hunks: [] };
    unit.sites.push(site);
    byRoot.set(root, unit);
  });
  const shared: number[] = [];
  owner.forEach((site, h) => {
    if (site === undefined) shared.push(h);
    else byRoot.get(find(site))!.hunks.push(h);
  });
  // A site whose edits fall in no hunk (a formatter moved them) is still asked, with the others'.
  const units = [...byRoot.values()].filter((u) => u.hunks.length > 0);
  const empty = [...byRoot.values()].filter((u) => u.hunks.length === 0);
  if (units.length === 0)
    return { ...whole, units: [{ file, sites, hunks: hunks.map((_, h) => h) }] };
  for (const unit of empty) units[0].sites.push(...unit.sites);
  units.sort((a, b) => Math.min(...a.hunks) - Math.min(...b.hunks));
  return { ...whole, units, shared };
}

/** The text with the given changed parts applied and every other part as it was. */
export function applyParts(parts: Change[], applied: ReadonlySet<number>): string {
  let text = "";
  parts.forEach((part, i) => {
    if (!part.added && !part.removed) text += part.value;
    else if (part.added === applied.has(i)) text += part.value;
  });
  return text;
}

function partsOf(hunks: Hunk[], indexes: Iterable<number>): number[] {
  return [...indexes].flatMap((h) =>
    Array.from({ length: hunks[h].end - hunks[h].first }, (_, k) => hunks[h].first + k),
  );
}

/** Names bound by imports (and how many bindings, repeats counted) and names read, in one parse. */
function importsAndReads(text: string): {
  imported: Set<string>;
  bindings: number;
  read: Set<string>;
} {
  const root = parsePython(text).rootNode;
  const names = allImportStatements(root).flatMap((s) => importBindings(s).map((b) => b.local));
  const imported = new Set(names);
  const read = new Set(
    root
      .descendantsOfType("identifier")
      .filter(isNameReference)
      .map((id) => id.text),
  );
  return { imported, bindings: names.length, read };
}

/**
 * Names the partly applied text uses but no longer imports, though the original or the full
 * rewrite imported them: a declined import hunk whose rewrite was accepted, or the reverse.
 */
export function namesLeftUnimported(original: string, full: string, partial: string): string[] {
  const { imported: bound, read } = importsAndReads(partial);
  const candidates = new Set([
    ...importsAndReads(original).imported,
    ...importsAndReads(full).imported,
  ]);
  return [...candidates].filter((name) => !bound.has(name) && read.has(name)).sort();
}

/** Shared parts tried one subset each up to this many (2^8 parses of the file at most). */
const MAX_SHARED_PARTS = 8;

/**
 * The file's text with the accepted questions applied, and of the shared (import) parts the
 * subset that leaves the file parsing, every name it uses imported, and the fewest imports
 * unused or repeated; among equals, the most parts (the rewrite's own layout).
 */
export function acceptedText(sites: FileSites, accepted: ReadonlySet<SiteUnit>): string {
  const { file, parts, hunks, units, shared } = sites;
  if (units.every((u) => accepted.has(u))) return file.output!;
  const chosen = new Set(
    partsOf(
      hunks,
      units.filter((u) => accepted.has(u)).flatMap((u) => u.hunks),
    ),
  );
  const sharedParts = partsOf(hunks, shared);
  if (chosen.size === 0) return file.original!;
  if (sharedParts.length > MAX_SHARED_PARTS) {
    for (const p of sharedParts) chosen.add(p);
    return applyParts(parts, chosen);
  }
  const problems = (source: string) => withNativeTree(source, countSyntaxProblems);
  const baseline = problems(file.original!);
  let best: { text: string; unused: number; size: number } | undefined;
  for (let mask = 0; mask < 1 << sharedParts.length; mask++) {
    const applied = new Set(chosen);
    sharedParts.forEach((p, k) => mask & (1 << k) && applied.add(p));
    const text = applyParts(parts, applied);
    if (problems(text) > baseline) continue;
    if (namesLeftUnimported(file.original!, file.output!, text).length > 0) continue;
    const { imported, bindings, read } = importsAndReads(text);
    // An import left unused, or a name imported twice (the old and the new line of one import).
    const unused =
      [...imported].filter((name) => !read.has(name)).length + bindings - imported.size;
    const size = applied.size;
    if (!best || unused < best.unused || (unused === best.unused && size > best.size))
      best = { text, unused, size };
  }
  // None works: every shared part, and the checks before writing say why it is refused.
  if (!best) {
    for (const p of sharedParts) chosen.add(p);
    return applyParts(parts, chosen);
  }
  return best.text;
}
