/**
 * Text that fits a terminal's width: words wrapped with a hanging indent, and wide tables cut
 * into blocks of column groups, each repeating the first column (as `git log --stat` and pip's
 * tables stay inside the window instead of letting the terminal wrap them mid-cell).
 */

/** Characters on screen: code points, colour escapes left out. */
function length(text: string): number {
  // Coloured lines (the notes under the table) are measured as the terminal shows them.
  return [...text.replace(/\x1b\[[0-9;]*m/g, "")].length;
}

/** `text` wrapped at spaces to `width` columns; continuation lines indented by `indent`. */
export function wrapLine(text: string, width: number, indent = "    "): string[] {
  if (length(text) <= width) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (length(candidate) <= width || line.trim() === "") line = candidate;
    else {
      lines.push(line);
      line = `${indent}${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A path cut from the left to `width` columns, keeping its file name: `…/chains/wrappers.py`. */
export function fitPath(path: string, width: number): string {
  const chars = [...path];
  if (chars.length <= width) return path;
  return "…" + chars.slice(chars.length - width + 1).join("");
}

/** One column of a table: its group (the label above it), header and cells, one per row. */
export interface TableColumn {
  group: string;
  header: string;
  cells: string[];
  rightAligned: boolean;
}

interface Group {
  label: string;
  columns: TableColumn[];
  widths: number[];
  /** Columns on screen, separators between its columns included. */
  width: number;
}

const GAP = "  ";

function groupsOf(columns: readonly TableColumn[]): Group[] {
  const groups: Group[] = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last && last.label === column.group && column.group !== "") last.columns.push(column);
    else groups.push({ label: column.group, columns: [column], widths: [], width: 0 });
  }
  for (const group of groups) {
    group.widths = group.columns.map((c) => Math.max(length(c.header), ...c.cells.map(length)));
    group.width = group.widths.reduce((a, b) => a + b, 0) + GAP.length * (group.widths.length - 1);
    // The label spans its group's columns: the last one widens when the label is longer.
    const short = length(group.label) - group.width;
    if (short > 0) {
      group.widths[group.widths.length - 1] += short;
      group.width += short;
    }
  }
  return groups;
}

/** Groups in order, as few blocks as fit `room` columns each (a group too wide goes alone). */
function blocks(groups: readonly Group[], room: number): Group[][] {
  const out: Group[][] = [];
  let used = Infinity;
  for (const group of groups) {
    if (used + GAP.length + group.width > room) {
      out.push([]);
      used = -GAP.length;
    }
    out.at(-1)!.push(group);
    used += GAP.length + group.width;
  }
  return out;
}

function cell(text: string, width: number, right: boolean): string {
  const pad = " ".repeat(Math.max(0, width - length(text)));
  return right ? pad + text : text + pad;
}

/** Lines of one block: group labels, headers, then each row, led by the first column. */
function renderBlock(first: TableColumn, firstWidth: number, groups: readonly Group[]): string[] {
  const rows = first.cells.length;
  const line = (lead: string, part: (g: Group) => string) =>
    [cell(lead, firstWidth, false), ...groups.map(part)].join(GAP).trimEnd();
  const out = [
    line("", (g) => cell(g.label, g.width, false)),
    line(first.header, (g) =>
      g.columns.map((c, i) => cell(c.header, g.widths[i], c.rightAligned)).join(GAP),
    ),
  ];
  for (let r = 0; r < rows; r++)
    out.push(
      line(first.cells[r], (g) =>
        g.columns.map((c, i) => cell(c.cells[r], g.widths[i], c.rightAligned)).join(GAP),
      ),
    );
  return out;
}

/**
 * A table in `width` columns: the first column (file paths, cut from the left when long), then
 * the other columns' groups in as many blocks as needed. Each block is a list of lines: group
 * labels, headers, then one line per row.
 */
export function fitTable(
  first: TableColumn,
  columns: readonly TableColumn[],
  width: number,
): string[][] {
  const longest = Math.max(length(first.header), ...first.cells.map(length));
  const firstWidth = Math.min(longest, Math.max(24, Math.floor(width * 0.4)));
  const lead = { ...first, cells: first.cells.map((c) => fitPath(c, firstWidth)) };
  const groups = groupsOf(columns);
  return blocks(groups, width - firstWidth - GAP.length).map((b) =>
    renderBlock(lead, firstWidth, b),
  );
}
