// The pre-pass reads every file of a project with a dozen patterns of the form `^[ \t]*class ...`
// (flags `gm`): a multi-line `^` is tried at every character of the text, one full pass each.
// A plain search for the keyword finds the few places where such a pattern can start instead.

const SPACE = 32;
const TAB = 9;

/** Where `^` of a multi-line pattern holds: after LF, CR, LINE SEPARATOR or PARAGRAPH SEPARATOR. */
function endsLine(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** The sticky twin of each pattern (same source and flags, `y` for `g`), made once. */
const stickies = new Map<RegExp, RegExp>();

function stickyOf(pattern: RegExp): RegExp {
  let sticky = stickies.get(pattern);
  if (!sticky) {
    sticky = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}y`);
    stickies.set(pattern, sticky);
  }
  return sticky;
}

/** The last text asked of, with the line starts found per keyword: readers of one file share them. */
let last: { source: string; starts: Map<string, number[]> } | undefined;

/** The starts of the lines of `source` whose first word (after spaces and tabs) begins `keyword`. */
export function lineStartsOf(source: string, keyword: string): readonly number[] {
  if (last?.source !== source) last = { source, starts: new Map() };
  let starts = last.starts.get(keyword);
  if (starts) return starts;
  starts = [];
  for (let k = source.indexOf(keyword); k >= 0; k = source.indexOf(keyword, k + 1)) {
    let j = k;
    while (j > 0 && (source.charCodeAt(j - 1) === SPACE || source.charCodeAt(j - 1) === TAB)) j--;
    if (j === 0 || endsLine(source.charCodeAt(j - 1))) starts.push(j);
  }
  last.starts.set(keyword, starts);
  return starts;
}

/** Ascending lists of distinct line starts (a line opens with one keyword only), as one. */
function merged(lists: readonly (readonly number[])[]): readonly number[] {
  return lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a - b);
}

/**
 * `[...source.matchAll(pattern)]` for a pattern with flags `gm` that opens with `^`, maybe spaces
 * and tabs (`^[ \t]*`, `^([ \t]*)`, `^[ \t]+`, none) and then one of `keywords`: such a match can
 * only start where a line opens with a keyword, so the pattern is tried there alone, in order,
 * each match past the one before (as `matchAll` never lets two overlap).
 */
export function matchesAtLineStarts(
  source: string,
  keywords: string | readonly string[],
  pattern: RegExp,
): RegExpExecArray[] {
  const sticky = stickyOf(pattern);
  const found: RegExpExecArray[] = [];
  let end = 0;
  for (const start of typeof keywords === "string"
    ? lineStartsOf(source, keywords)
    : merged(keywords.map((keyword) => lineStartsOf(source, keyword)))) {
    if (start < end) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(source);
    if (!match) continue;
    found.push(match);
    end = start + match[0].length;
  }
  return found;
}
