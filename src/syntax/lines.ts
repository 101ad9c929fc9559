/** Offsets where each line of `text` starts (line breaks are `\n`; a `\r` before one is line text). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line holding `offset`, by binary search over `lineStartsOf`'s result. */
export function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** 1-based line and column of an offset; columns count characters, not UTF-16 units, as editors do. */
export function lineColumnAt(
  text: string,
  lineStarts: readonly number[],
  offset: number,
): { line: number; column: number } {
  const line = lineIndexAt(lineStarts, offset);
  return { line: line + 1, column: [...text.slice(lineStarts[line], offset)].length + 1 };
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf("\n", offset - 1) + 1;
}
