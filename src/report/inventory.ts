import pc from "picocolors";
import {
  countedContext,
  kindsCountingSkipped,
  type Inventory,
  type InventoryFile,
} from "../inventory/index.js";
import type { Registry } from "../model/registry.js";
import { fitTable, wrapLine, type TableColumn } from "./fit.js";

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

/** A column of the table after the file's, with one cell per file and the total last. */
function column(group: string, header: string, cells: string[], right = true): TableColumn {
  return { group, header, cells, rightAligned: right };
}

/** The table's columns after the file's: each site column, then the file's functions. */
function tableColumns(
  files: readonly InventoryFile[],
  inventory: Inventory,
  layout: Layout,
): TableColumn[] {
  const totals = inventory.totals;
  const ok = (f: InventoryFile) => f.status === "ok";
  const counts = files.map((f) => (ok(f) ? siteCounts(f, layout).map(String) : undefined));
  const mixed = (f: InventoryFile) =>
    !ok(f) ? f.status : f.asyncFunctions > 0 && f.syncFunctions > 0 ? "mixed" : "";
  const functions = (f: InventoryFile, n: number) => (ok(f) ? String(n) : "");
  return [
    ...layout.columns.map((col, i) =>
      column(col.group, col.header, [
        ...counts.map((c) => c?.[i] ?? ""),
        String(countIn(totals.sites[col.kind], col.context)),
      ]),
    ),
    column("functions", "async def", [
      ...files.map((f) => functions(f, f.asyncFunctions)),
      String(totals.asyncFunctions),
    ]),
    column("functions", "def", [
      ...files.map((f) => functions(f, f.syncFunctions)),
      String(totals.syncFunctions),
    ]),
    column("functions", "", [...files.map(mixed), `${totals.mixedFiles} mixed`], false),
  ];
}

/**
 * The table in `width` columns: when it is wider, site columns with nothing in the whole run go,
 * then the column groups are cut into blocks, each led by the file column.
 */
function inventoryTable(
  inventory: Inventory,
  layout: Layout,
  width: number,
  color: boolean,
): string[] {
  const c = pc.createColors(color);
  const files = inventory.files.filter(isInteresting);
  const first = column(
    "",
    "file",
    [...files.map((f) => f.path), `total (${inventory.totals.files} files)`],
    false,
  );
  let columns = tableColumns(files, inventory, layout);
  if (fitTable(first, columns, width).length > 1)
    columns = columns.filter((col) => col.group === "functions" || col.cells.at(-1) !== "0");
  const out: string[] = [];
  for (const block of fitTable(first, columns, width)) {
    if (out.length > 0) out.push("");
    out.push(c.bold(block[0]), c.bold(block[1]), ...block.slice(2, -1), c.bold(block.at(-1)!));
  }
  return out;
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

/**
 * The inventory as a terminal table in `width` columns (the terminal's; 80 when not a terminal):
 * files with anything to report, then totals and blockers, each line wrapped to fit.
 */
export function formatInventoryText(
  inventory: Inventory,
  registry: Registry,
  color: boolean,
  width = 80,
): string {
  const c = pc.createColors(color);
  const layout = { columns: columnsOf(registry), countingSkipped: kindsCountingSkipped(registry) };
  const totals = inventory.totals;
  const out = inventoryTable(inventory, layout, width, color);
  const tableLines = out.length;
  out.push("");
  out.push(
    `${totals.files} files: ${totals.asyncFunctions} async def, ${totals.syncFunctions} def; ` +
      `${totals.mixedFiles} mixing both; ${totals.syntaxErrorFiles} with syntax errors` +
      (totals.unreadableFiles > 0 ? `; ${totals.unreadableFiles} unreadable` : "") +
      (totals.skippedFiles > 0 ? `; ${totals.skippedFiles} over max-file-size, not read` : ""),
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
  const notes = out.slice(tableLines).flatMap((line) => wrapLine(line, width));
  return [...out.slice(0, tableLines), ...notes].join("\n") + "\n";
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
