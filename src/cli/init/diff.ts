/**
 * A short unified-style diff of two small texts (config files, package.json), for `--dry`: lines
 * from the longest common subsequence, changed runs with up to `context` lines around them.
 */
export function unifiedDiff(before: string, after: string, context = 2): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = lineOps(a, b);
  const changed = ops.map((op) => op.kind !== ' ');
  const out: string[] = [];
  let index = 0;
  while (index < ops.length) {
    if (!changed[index]) {
      index += 1;
      continue;
    }
    let start = Math.max(0, index - context);
    // Extend the hunk while the next change is within 2 × context unchanged lines.
    let end = index;
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && changed[next]) next += 1;
      let gap = next;
      while (gap < ops.length && !changed[gap]) gap += 1;
      end = next;
      if (gap >= ops.length || gap - next > 2 * context) break;
      end = gap;
    }
    const stop = Math.min(ops.length, end + context);
    const first = ops[start];
    out.push(`@@ -${(first?.aLine ?? 0) + 1} +${(first?.bLine ?? 0) + 1} @@`);
    for (; start < stop; start += 1) {
      const op = ops[start];
      if (op) out.push(`${op.kind}${op.text}`);
    }
    index = stop;
  }
  return out.join('\n');
}

interface LineOp {
  kind: ' ' | '-' | '+';
  text: string;
  /** Lines of `a` and `b` before this one. */
  aLine: number;
  bLine: number;
}

function lineOps(a: readonly string[], b: readonly string[]): LineOp[] {
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    const row = lcs[i] ?? [];
    const below = lcs[i + 1] ?? [];
    for (let j = b.length - 1; j >= 0; j -= 1) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i] ?? '', aLine: i, bLine: j });
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push({ kind: '-', text: a[i] ?? '', aLine: i, bLine: j });
      i += 1;
    } else {
      ops.push({ kind: '+', text: b[j] ?? '', aLine: i, bLine: j });
      j += 1;
    }
  }
  return ops;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n/gu, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
