/**
 * Python 2 forms tree-sitter-python parses without an error node while CPython 3 refuses them:
 * `print "x"`, `exec code`, `except E, e:`, `a <> b`, `raise E, "msg"`, `0777`, `10L`, backquotes
 * and `ur""` strings. A file holding one is not Python 3 (AS900): rewriting it, or calling it
 * fine in the inventory, would be wrong.
 */

/** What the finder reads of a node: the binding's nodes and the tree copies both answer it. */
export interface Python2Node {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly startPosition: { row: number; column: number };
  readonly children: Python2Node[];
  descendantsOfType(types: string | string[]): Python2Node[];
}

interface Form {
  /** A text test before the tree is searched: most files hold none of these. */
  hint: RegExp;
  type: string;
  what: string;
  /** Is this node of `type` the Python 2 form? */
  is: (node: Python2Node) => boolean;
}

const FORMS: Form[] = [
  {
    hint: /\bprint\b[ \t]*[^\s(=.,)\]:;#]/,
    type: "print_statement",
    what: "a Python 2 print statement",
    is: () => true,
  },
  {
    hint: /\bexec\b[ \t]*[^\s(=.,)\]:;#]/,
    type: "exec_statement",
    what: "a Python 2 exec statement",
    is: () => true,
  },
  {
    hint: /\bexcept\b[^:\n]*,/,
    type: "except_clause",
    what: "a Python 2 `except E, name:` clause",
    is: (node) => node.children.some((c) => c.type === ",") && !exceptListOf314(node),
  },
  {
    hint: /<>/,
    type: "comparison_operator",
    what: "the Python 2 operator <>",
    is: (node) => node.children.some((c) => c.type === "<>"),
  },
  {
    hint: /\braise\b[^\n]*,/,
    type: "raise_statement",
    what: 'a Python 2 `raise E, "message"` statement',
    is: (node) => node.children.some((c) => c.type === "expression_list"),
  },
  {
    hint: /\b0\d|\d[lL]\b/,
    type: "integer",
    what: "a Python 2 integer literal (0777 or 10L)",
    is: (node) => /^0\d*[1-9]\d*$|^\d+[lL]$/.test(node.text) && !/^0+$/.test(node.text),
  },
  {
    hint: /`|\b[uU][rR]["']/,
    type: "string",
    what: "a Python 2 string form (backquotes or a ur'' prefix)",
    is: (node) => node.text.startsWith("`") || /^[uU][rR]/.test(node.text),
  },
];

/**
 * `except InvalidSessionToken, ExpiredSession:` is Python 3.14's unparenthesised exception list
 * (PEP 758; polar's 22 files, hazard-review-3 H9), not Python 2's `except E, name:`, which binds
 * one lower-case name after one comma. Three or more classes, or a second item that is a class
 * (capitalised or dotted), and no `as`: Python 3.14.
 */
function exceptListOf314(node: Python2Node): boolean {
  const items = node.children.filter(
    (c) => !["except", "except*", ",", ":", "block", "comment"].includes(c.type),
  );
  if (!items.every((c) => c.type === "identifier" || c.type === "attribute")) return false;
  const second = items[1];
  return items.length > 2 || (second !== undefined && /^[A-Z]|\./.test(second.text));
}

export interface Python2Form {
  what: string;
  line: number;
  column: number;
  start: number;
}

/** The first Python 2 form in the tree, in source order, if any. */
export function python2Form(root: Python2Node, text: string): Python2Form | undefined {
  let first: Python2Form | undefined;
  for (const form of FORMS) {
    if (!form.hint.test(text)) continue;
    const node = root.descendantsOfType(form.type).find(form.is);
    if (node && (!first || node.startIndex < first.start))
      first = {
        what: form.what,
        line: node.startPosition.row,
        column: node.startPosition.column,
        start: node.startIndex,
      };
  }
  return first;
}
