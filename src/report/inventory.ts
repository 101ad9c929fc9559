import pc from "picocolors";
import {
  countedContext,
  kindsCountingSkipped,
  type Inventory,
  type InventoryFile,
} from "../inventory/index.js";
import type { Registry } from "../model/registry.js";

/** Version of the `report --format json` document's shape. */
export const INVENTORY_SCHEMA_VERSION = 1;

interface Column {
  group: string;
  header: string;
  kind: string;
  context: string;
}

/** What the table is laid out from: the registry's site columns, and how sites are counted. */
interface Layout {
  columns: Column[];
  countingSkipped: ReadonlySet<string>;
}

/** The table's site columns: each transform's site kinds and contexts, in registry order. */
function columnsOf(registry: Registry): Column[] {
  return registry.flatMap(({ meta }) =>
    (meta.siteKinds ?? []).flatMap(({ kind, group, columns }) =>
      columns.map(({ context, header }) => ({ group, header, kind, context })),
    ),
  );
}

function countIn(counts: Record<string, number> | undefined, context: string): number {
  if (!counts) return 0;
  if (context !== "*") return counts[context] ?? 0;
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function siteCounts(file: InventoryFile, { columns, countingSkipped }: Layout): number[] {
  return columns.map(
    (col) =>
      file.sites.filter(
        (s) =>
          s.kind === col.kind &&
          (col.context === "*" || countedContext(s, countingSkipped) === col.context),
      ).length,
  );
}

function isInteresting(file: InventoryFile): boolean {
  return (
    file.sites.length > 0 ||
    file.status !== "ok" ||
    (file.asyncFunctions > 0 && file.syncFunctions > 0)
  );
}

function row(file: InventoryFile, layout: Layout): string[] {
  const mixed = file.asyncFunctions > 0 && file.syncFunctions > 0;
  if (file.status !== "ok")
    return [file.path, ...layout.columns.map(() => ""), "", "", file.status];
  return [
    file.path,
    ...siteCounts(file, layout).map(String),
    String(file.asyncFunctions),
    String(file.syncFunctions),
    mixed ? "mixed" : "",
  ];
}

function table(rows: string[][], rightAligned: (col: number) => boolean): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd(),
  );
}

/**
 * "sync_to_async sites: N; converted M; explained K": every wrapper site ends as a rewrite (a safe
 * fix) or a diagnostic; a site with neither is counted as silent.
 */
function wrapperCoverage(counts: Record<string, number> | undefined): string | undefined {
  if (!counts) return undefined;
  const sites = countIn(counts, "*");
  const converted = counts["convertible"] ?? 0;
  const silent = counts["silent"] ?? 0;
  const explained = sites - converted - silent;
  return (
    `sync_to_async sites: ${sites}; converted ${converted}; explained ${explained}` +
    (silent > 0 ? `; silent ${silent}` : "")
  );
}

/** The inventory as a terminal table: files with anything to report, then totals and blockers. */
export function formatInventoryText(
  inventory: Inventory,
  registry: Registry,
  color: boolean,
): string {
  const c = pc.createColors(color);
  const layout = { columns: columnsOf(registry), countingSkipped: kindsCountingSkipped(registry) };
  const { columns } = layout;
  const groups = [
    "",
    ...columns.map((col, i) => (i === 0 || columns[i - 1].group !== col.group ? col.group : "")),
    "",
    "",
    "",
  ];
  const headers = ["file", ...columns.map((col) => col.header), "async def", "def", ""];
  const rows = inventory.files.filter(isInteresting).map((file) => row(file, layout));
  const totals = inventory.totals;
  const totalRow = [
    `total (${totals.files} files)`,
    ...columns.map((col) => String(countIn(totals.sites[col.kind], col.context))),
    String(totals.asyncFunctions),
    String(totals.syncFunctions),
    `${totals.mixedFiles} mixed`,
  ];
  const lines = table([groups, headers, ...rows, totalRow], (i) => i > 0 && i < headers.length - 1);
  const out = [c.bold(lines[0]), c.bold(lines[1]), ...lines.slice(2, -1), c.bold(lines.at(-1)!)];
  out.push("");
  out.push(
    `${totals.files} files: ${totals.asyncFunctions} async def, ${totals.syncFunctions} def; ` +
      `${totals.mixedFiles} mixing both; ${totals.syntaxErrorFiles} with syntax errors` +
      (totals.unreadableFiles > 0 ? `; ${totals.unreadableFiles} unreadable` : ""),
  );
  const coverage = wrapperCoverage(totals.sites["sync_to_async"]);
  if (coverage) out.push(coverage);
  const runUntilComplete = totals.sites["run_until_complete"];
  if (runUntilComplete)
    out.push(
      `run_until_complete: ${Object.entries(runUntilComplete)
        .map(([k, n]) => `${n} ${k}`)
        .join(", ")}`,
    );
  for (const [kind, blockers] of Object.entries(totals.blockers))
    out.push(
      `${kind} blocked by: ${Object.entries(blockers)
        .sort((a, b) => b[1] - a[1])
        .map(([blocker, n]) => `${blocker} ${n}`)
        .join(", ")}`,
    );
  // Sites whose detail names a chain of calls: what converts through calls, what stops the rest.
  for (const file of inventory.files)
    for (const site of file.sites)
      if (site.detail?.includes("(chain): "))
        out.push(`${file.path}:${site.line}: ${site.kind} ${site.detail.replace("(chain): ", "")}`);
  for (const file of inventory.files.filter((f) => f.status !== "ok"))
    out.push(c.yellow(`${file.path}: ${file.reason ?? file.status}`));
  if (inventory.silentTransforms.length > 0)
    out.push(
      c.dim(
        `not counted (the transform does not report its sites yet): ${inventory.silentTransforms.join(", ")}`,
      ),
    );
  return out.join("\n") + "\n";
}

/** The inventory as one JSON document for scripts. */
export function formatInventoryJson(
  inventory: Inventory,
  registry: Registry,
  toolVersion: string,
): string {
  const countingSkipped = kindsCountingSkipped(registry);
  return (
    JSON.stringify(
      {
        version: INVENTORY_SCHEMA_VERSION,
        tool: { name: "asyncshift", version: toolVersion },
        files: inventory.files.map((f) => ({
          ...f,
          mixed: f.asyncFunctions > 0 && f.syncFunctions > 0,
          sites: f.sites.map((s) => ({ ...s, context: countedContext(s, countingSkipped) })),
        })),
        totals: inventory.totals,
        silentTransforms: inventory.silentTransforms,
      },
      null,
      2,
    ) + "\n"
  );
}
