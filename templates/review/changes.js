// What changed in a revision, against what matters: the last approved or published revision, else the previous
// one that rendered (the server names it; never an invalid upload). The text is compared on the parsed paper —
// front-matter fields by name, then headings, paragraphs and notes, word by word, unchanged stretches folded —
// and the pages are drawn from both PDFs and compared pixel by pixel with pixelmatch.
import { api, problemText } from './api.js';
import { el } from './dom.js';
import { t, countOf } from './labels.js';
import { diffLines } from './diff.js';
import { previewOf, pagePixels } from './pdf.js';

// Wide enough to see a changed word, small enough that twelve pages of two revisions compare in well under a second.
const compareWidth = 360;
// Grid of the marked regions on a changed page, in pixels of the compared image.
const regionCell = 12;
// Unchanged words kept on each side of a change before the rest is folded.
const contextWords = 6;

export function changesSection(slug, r, numbers, baseline, stateOf) {
  const section = el('section', { class: 'changes', id: 'changes', 'aria-labelledby': 'changes-heading' },
    el('h3', { id: 'changes-heading', text: t('changesHeading') }));
  if (!baseline) { section.append(el('p', { class: 'note', id: 'compared-with', text: t('firstRevision') })); return section; }
  section.append(el('p', { class: 'note', id: 'compared-with', text: t('comparedWith', { n: numbers[baseline], state: t(`state_${stateOf(baseline)}`) }) }));
  const text = el('section', { class: 'text-changes', 'aria-labelledby': 'text-changes-heading' }, el('h4', { id: 'text-changes-heading', text: t('textChangesHeading') }),
    el('p', { class: 'status busy', text: t('loading') }));
  const pages = el('section', { class: 'page-changes', 'aria-labelledby': 'page-changes-heading' }, el('h4', { id: 'page-changes-heading', text: t('pageChangesHeading') }));
  section.append(text, pages);

  Promise.all([api.text(slug, baseline), api.text(slug, r.revision)]).then(([before, after]) => {
    const body = !before.ok ? [failed(before)] : !after.ok ? [failed(after)] : textDiff(before.value.blocks, after.value.blocks);
    text.replaceChildren(text.firstChild, ...body);
  });
  if (r.previewSha256) comparePages(slug, baseline, r.revision, numbers, pages);
  return section;
}

function failed(answer) {
  return el('p', { class: 'message error', text: t('textUnavailable', { detail: problemText(answer.problem) }) });
}

// ---- text ----

export function textDiff(oldBlocks, newBlocks) {
  const parts = [];
  const fields = fieldChanges(oldBlocks.filter(b => b.kind === 'field'), newBlocks.filter(b => b.kind === 'field'));
  if (fields.length) parts.push(el('ul', { class: 'field-changes', id: 'field-changes' }, fields.map(text => el('li', { text }))));
  const rows = blockRows(oldBlocks.filter(b => b.kind !== 'field'), newBlocks.filter(b => b.kind !== 'field'));
  if (rows.some(row => row.kind !== 'same')) parts.push(el('ol', { class: 'block-diff', id: 'block-diff' }, foldBlocks(rows).map(blockItem)));
  return parts.length ? parts : [el('p', { class: 'note', id: 'text-same', text: t('textSame') })];
}

function fieldChanges(before, after) {
  const old = new Map(before.map(b => [b.name, b.text])), now = new Map(after.map(b => [b.name, b.text]));
  const sentences = [];
  const label = name => { const shown = blockName(name); return shown.charAt(0).toUpperCase() + shown.slice(1); };
  for (const [name, text] of now) {
    if (!old.has(name)) sentences.push(t('fieldAdded', { field: label(name), to: text }));
    else if (old.get(name) !== text) sentences.push(t('fieldChanged', { field: label(name), from: old.get(name), to: text }));
  }
  for (const [name, text] of old) if (!now.has(name)) sentences.push(t('fieldRemoved', { field: label(name), from: text }));
  return sentences;
}

/** Rows {kind: same|changed|added|removed, before?, after?}: blocks matched whole, then a removed and an added block of one kind paired as changed. */
function blockRows(before, after) {
  const key = b => `${b.kind}\u0000${b.text}`;
  const ops = diffLines(before.map(key), after.map(key)) ?? [
    ...before.map((_, i) => ({ kind: 'removed', oldLine: i + 1 })), ...after.map((_, i) => ({ kind: 'added', newLine: i + 1 }))];
  const rows = [];
  let removed = [], added = [];
  const flush = () => {
    while (removed.length && added.length && removed[0].kind === added[0].kind) rows.push({ kind: 'changed', before: removed.shift(), after: added.shift() });
    rows.push(...removed.map(b => ({ kind: 'removed', before: b })), ...added.map(b => ({ kind: 'added', after: b })));
    removed = []; added = [];
  };
  for (const op of ops) {
    if (op.kind === 'same') { flush(); rows.push({ kind: 'same', after: after[op.newLine - 1] }); }
    else if (op.kind === 'removed') removed.push(before[op.oldLine - 1]);
    else added.push(after[op.newLine - 1]);
  }
  flush();
  return rows;
}

function foldBlocks(rows) {
  const folded = [];
  for (const row of rows) {
    if (row.kind === 'same' && folded.at(-1)?.kind === 'folded') folded.at(-1).count++;
    else if (row.kind === 'same') folded.push({ kind: 'folded', count: 1 });
    else folded.push(row);
  }
  return folded;
}

function blockItem(row) {
  if (row.kind === 'folded') return el('li', { class: 'block-folded', text: countOf(row.count, 'unchangedBlocks1', 'unchangedBlocksN') });
  const block = row.after ?? row.before;
  const label = el('p', { class: 'block-label' }, el('strong', { text: t(row.kind === 'changed' ? 'blockChanged' : row.kind === 'added' ? 'blockAdded' : 'blockRemoved') }), ` · ${blockName(block.name)}`);
  const words = row.kind === 'changed' ? wordsOf(row.before.text, row.after.text)
    : [el(row.kind === 'added' ? 'ins' : 'del', { text: block.text })];
  return el('li', { class: `block-${row.kind}` }, label, el('p', { class: 'words' }, words));
}

/** The server's block name ("paragraph in section 2", "note 3", "title") in the desk's language. */
export function blockName(name) {
  const numbered = /^(section|paragraph in section|note) (\d+)$/.exec(name);
  if (numbered) return t(`block_${numbered[1] === 'paragraph in section' ? 'paragraph' : numbered[1]}`, { n: numbered[2] });
  const key = `block_${name}`;
  const shown = t(key);
  return shown === key ? name : shown;
}

/** The new text with removed words struck and added words marked, unchanged stretches folded to a few words each side. */
export function wordsOf(before, after) {
  const split = text => text.split(/\s+/).filter(Boolean);
  const ops = diffLines(split(before), split(after));
  if (ops === null) return [el('del', { text: before }), ' ', el('ins', { text: after })];
  const runs = [];
  for (const op of ops) {
    if (runs.at(-1)?.kind === op.kind) runs.at(-1).words.push(op.text);
    else runs.push({ kind: op.kind, words: [op.text] });
  }
  const nodes = [];
  runs.forEach((run, i) => {
    if (nodes.length) nodes.push(' ');
    if (run.kind === 'added') nodes.push(el('ins', {}, el('span', { class: 'visually-hidden', text: `[${t('wordsAdded')}: ` }), run.words.join(' '), el('span', { class: 'visually-hidden', text: ']' })));
    else if (run.kind === 'removed') nodes.push(el('del', {}, el('span', { class: 'visually-hidden', text: `[${t('wordsRemoved')}: ` }), run.words.join(' '), el('span', { class: 'visually-hidden', text: ']' })));
    else {
      const head = i === 0 ? 0 : contextWords, tail = i === runs.length - 1 ? 0 : contextWords;
      if (run.words.length <= head + tail + 3) nodes.push(run.words.join(' '));
      else nodes.push(run.words.slice(0, head).join(' '), head ? ' ' : '', el('span', { class: 'folded-words', text: t('unchangedWords', { n: run.words.length - head - tail }) }),
        tail ? ' ' : '', run.words.slice(run.words.length - tail).join(' '));
    }
  });
  return nodes;
}

// ---- pages ----

async function comparePages(slug, baseline, revision, numbers, holder) {
  const status = el('p', { class: 'status busy', id: 'page-changes-status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), t('comparingPages'));
  holder.append(status);
  const [{ default: pixelmatch }, before, after] = await Promise.all([import('./vendor/pixelmatch.js'), previewOf(slug, baseline), previewOf(slug, revision)]);
  if (!before.ok || !after.ok) { status.replaceChildren(t('previewFailed', { detail: problemText((before.ok ? after : before).problem) })); status.className = 'message error'; return; }
  const started = performance.now();
  const changed = [], added = [], removed = [], shown = [];
  const count = Math.max(before.pageCount, after.pageCount);
  for (let n = 1; n <= count; n++) {
    if (n > before.pageCount) { added.push(n); continue; }
    if (n > after.pageCount) { removed.push(n); continue; }
    const [a, b] = await Promise.all([pagePixels(before.pdf, n, compareWidth), pagePixels(after.pdf, n, compareWidth)]);
    const { width, height } = b.data;
    if (a.data.width !== width || a.data.height !== height) { changed.push(n); shown.push({ n, a, b, mask: null }); continue; }
    const mask = new Uint8ClampedArray(width * height * 4);
    const differing = pixelmatch(a.data.data, b.data.data, mask, width, height, { threshold: 0.1, diffMask: true });
    if (differing > 0) { changed.push(n); shown.push({ n, a, b, mask }); }
  }
  const phrases = [
    changed.length ? t(changed.length === 1 ? 'pagesChanged1' : 'pagesChangedN', { list: ranges(changed) }) : null,
    added.length ? t(added.length === 1 ? 'pagesAdded1' : 'pagesAddedN', { list: ranges(added) }) : null,
    removed.length ? t(removed.length === 1 ? 'pagesRemoved1' : 'pagesRemovedN', { list: ranges(removed) }) : null,
  ].filter(Boolean);
  const sentence = phrases.length ? phrases.join(', ') : t('pagesSame');
  status.replaceChildren(sentence.charAt(0).toUpperCase() + sentence.slice(1) + (phrases.length ? '.' : ''));
  status.className = 'page-summary';
  status.id = 'page-summary';
  status.dataset.changed = changed.join(',');
  status.dataset.added = added.join(',');
  // How long drawing and comparing both revisions' pages took, for docs/performance.md (never a test's pass mark).
  status.dataset.compareMs = String(Math.round(performance.now() - started));
  status.dataset.pages = String(count);
  holder.append(...shown.map(({ n, a, b, mask }) => el('div', { class: 'page-pair', 'data-page': String(n) },
    el('figure', {}, labelled(a.canvas, t('pageBefore', { n, revision: numbers[baseline] }))),
    el('figure', {}, labelled(marked(b.canvas, mask), t('pageAfter', { n, revision: numbers[revision] }))))));
}

function labelled(canvas, label) {
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.className = 'compare-canvas';
  return [canvas, el('figcaption', { text: label })];
}

/** The new page with each region of changed pixels outlined, cell by cell of a coarse grid, so a small edit stands out. */
function marked(canvas, mask) {
  if (!mask) return canvas;
  const { width, height } = canvas;
  const context = canvas.getContext('2d');
  context.fillStyle = 'rgba(230, 120, 0, 0.18)';
  context.strokeStyle = 'rgba(200, 40, 0, 0.9)';
  context.lineWidth = 1;
  for (let y = 0; y < height; y += regionCell)
    for (let x = 0; x < width; x += regionCell) {
      if (!cellDiffers(mask, width, height, x, y)) continue;
      context.fillRect(x, y, regionCell, regionCell);
      context.strokeRect(x + 0.5, y + 0.5, regionCell - 1, regionCell - 1);
    }
  canvas.dataset.marked = 'true';
  return canvas;
}

function cellDiffers(mask, width, height, x0, y0) {
  for (let y = y0; y < Math.min(height, y0 + regionCell); y++)
    for (let x = x0; x < Math.min(width, x0 + regionCell); x++)
      if (mask[(y * width + x) * 4 + 3] > 0) return true;
  return false;
}

/** 3, 4, 5, 9 → "3–5, 9". */
export function ranges(numbers) {
  const parts = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    parts.push(j > i ? `${numbers[i]}–${numbers[j]}` : `${numbers[i]}`);
    i = j;
  }
  return parts.join(', ');
}
