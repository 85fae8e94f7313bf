// What changed since the previous revision: pages added or removed, and the source text line by line.
import { api } from './api.js';
import { el, shortRevision } from './dom.js';
import { t } from './labels.js';
import { diffLines, splitLines, toHunks } from './diff.js';

export function changesSection(slug, r, previous) {
  const section = el('section', { class: 'changes', 'aria-labelledby': 'changes-heading' }, el('h4', { id: 'changes-heading', text: t('changesHeading') }));
  if (!previous) { section.append(el('p', { class: 'note', text: t('firstRevision') })); return section; }
  if (r.pageCount > 0 && previous.pageCount > 0) section.append(el('p', { class: 'page-delta', id: 'page-delta', text: pageDelta(r.pageCount, previous.pageCount, previous.revision) }));
  const diffHolder = el('div', { class: 'diff-holder' });
  section.append(diffHolder);
  Promise.all([api.source(slug, previous.revision), api.source(slug, r.revision)]).then(([before, after]) => {
    if (!before.ok || !after.ok) return;
    const ops = diffLines(splitLines(before.value), splitLines(after.value));
    diffHolder.replaceChildren(...diffView(ops));
  });
  return section;
}

function pageDelta(now, before, revision) {
  const values = { revision: shortRevision(revision), from: before, to: now, n: Math.abs(now - before) };
  if (now === before) return t('pagesSame', values);
  if (now > before) return t(now - before === 1 ? 'pageAdded' : 'pagesAdded', values);
  return t(before - now === 1 ? 'pageRemoved' : 'pagesRemoved', values);
}

function diffView(ops) {
  if (ops === null) return [el('p', { class: 'note', text: t('diffTooLarge') })];
  const added = ops.filter(o => o.kind === 'added').length, removed = ops.filter(o => o.kind === 'removed').length;
  if (added + removed === 0) return [el('p', { class: 'note', text: t('diffNone') })];
  const rows = toHunks(ops).map(row => row.kind === 'skipped'
    ? el('li', { class: 'diff-skipped', text: t('diffSkipped', { n: row.count }) })
    : el('li', { class: `diff-${row.kind}` },
      el('span', { class: 'diff-sign', 'aria-hidden': 'true', text: row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ' ' }),
      row.kind === 'same' ? null : el('span', { class: 'visually-hidden', text: `${t(row.kind === 'added' ? 'diffAdded' : 'diffRemoved')}: ` }),
      el('span', { class: 'diff-number', 'aria-hidden': 'true', text: String(row.kind === 'removed' ? row.oldLine : row.newLine) }),
      el('code', { text: row.text || ' ' })));
  return [
    el('p', { class: 'diff-summary', id: 'diff-summary', text: t('diffSummary', { added, removed }) }),
    el('ol', { class: 'diff', 'aria-label': t('changesHeading') }, rows),
  ];
}
