// The shortest edit script between two sequences of strings (Myers' algorithm, written for the desk): the
// changes view runs it over blocks of a paper's text and over the words of a changed block.

// Beyond this many differing lines the kept frontiers grow to tens of megabytes; the desk says "too different".
const maxEdits = 1000;

export function splitLines(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Operations {kind: 'same'|'added'|'removed', text, oldLine, newLine}, or null when too different. */
export function diffLines(oldLines, newLines) {
  let start = 0;
  while (start < oldLines.length && start < newLines.length && oldLines[start] === newLines[start]) start++;
  let oldEnd = oldLines.length, newEnd = newLines.length;
  while (oldEnd > start && newEnd > start && oldLines[oldEnd - 1] === newLines[newEnd - 1]) { oldEnd--; newEnd--; }
  const middle = shortestEdit(oldLines.slice(start, oldEnd), newLines.slice(start, newEnd));
  if (middle === null) return null;
  const ops = [];
  for (let i = 0; i < start; i++) ops.push({ kind: 'same', text: oldLines[i], oldLine: i + 1, newLine: i + 1 });
  for (const op of middle) ops.push({ ...op, oldLine: op.oldLine + start, newLine: op.newLine + start });
  for (let i = 0; i < oldLines.length - oldEnd; i++)
    ops.push({ kind: 'same', text: oldLines[oldEnd + i], oldLine: oldEnd + i + 1, newLine: newEnd + i + 1 });
  return ops;
}

function shortestEdit(a, b) {
  const n = a.length, m = b.length, max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  let frontier = new Int32Array(2 * max + 3);
  const trace = [];
  for (let d = 0; d <= Math.min(max, maxEdits); d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]);
      let x = down ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      frontier[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset);
    }
  }
  return null;
}

function backtrack(trace, a, b, offset) {
  const ops = [];
  let x = a.length, y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const frontier = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = frontier[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) { x--; y--; ops.push({ kind: 'same', text: a[x], oldLine: x + 1, newLine: y + 1 }); }
    if (d > 0) {
      if (down) { y--; ops.push({ kind: 'added', text: b[y], oldLine: x, newLine: y + 1 }); }
      else { x--; ops.push({ kind: 'removed', text: a[x], oldLine: x + 1, newLine: y }); }
    }
  }
  return ops.reverse();
}
