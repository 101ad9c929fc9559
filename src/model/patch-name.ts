const C_ESCAPES: Record<number, string> = {
  7: "\\a",
  8: "\\b",
  9: "\\t",
  10: "\\n",
  11: "\\v",
  12: "\\f",
  13: "\\r",
  34: '\\"',
  92: "\\\\",
};

/**
 * A file name in a patch header as git writes it (quote_c_style, core.quotePath's default): a
 * name holding a quote, a backslash, a control character or a byte above 0x7f is put in double
 * quotes with C escapes (octal for the bytes), so a crafted name (one holding a newline and
 * `+++ b/...`) cannot add lines to the patch (issue 22, item 10). `git apply` reads it back.
 */
export function quotedPatchName(name: string): string {
  const bytes = Buffer.from(name, "utf8");
  if (!bytes.some((b) => b < 0x20 || b === 0x22 || b === 0x5c || b >= 0x7f)) return name;
  let out = '"';
  for (const b of bytes)
    out +=
      C_ESCAPES[b] ??
      (b < 0x20 || b >= 0x7f ? `\\${b.toString(8).padStart(3, "0")}` : String.fromCharCode(b));
  return `${out}"`;
}
