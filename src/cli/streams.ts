/** Writing to standard output and error without holding more than a stream buffers. */

export function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once("drain", resolve);
  });
}

/** Writes pieces in writes of about 64 KB, each waiting for the stream to drain. */
export async function writePieces(
  stream: NodeJS.WriteStream,
  pieces: Iterable<string>,
): Promise<void> {
  let pending = "";
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= 65_536) {
      await write(stream, pending);
      pending = "";
    }
  }
  if (pending) await write(stream, pending);
}

/**
 * Columns to fit text in: the terminal's, else `COLUMNS` (as Python's shutil and most tools
 * read it), else 80.
 */
export function terminalWidth(stream: NodeJS.WriteStream): number {
  if (stream.isTTY && stream.columns > 0) return stream.columns;
  const columns = Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : 80;
}
