// The list of papers, newest activity first, each labelled with what it waits for and from whom; filterable by
// the same states. "Waiting for me" counts what the signed-in person can act on.
import { el, replaceChildrenKeepingFocus, when } from './dom.js';
import { t, countOf, language } from './labels.js';

export const filterStates = ['review', 'changes', 'problems', 'failed', 'rendering', 'publishing', 'published'];
export const mine = 'mine';

export function setUpFilter(onChange) {
  const select = document.getElementById('state-filter');
  select.replaceChildren(el('option', { value: '', text: t('filterAll') }), el('option', { value: mine, text: t('filterMine') }),
    ...filterStates.map(state => el('option', { value: state, text: t(`status_${state}`) })));
  select.addEventListener('change', () => onChange(select.value));
}

/** True when the paper waits for this person: a copy editor for review of someone else's upload, an editor for their own upload's fixes. */
export function waitsFor(paper, me) {
  const a = paper.attention;
  if (a.state === 'review') return me.capabilities.review && a.uploadedBy !== me.id;
  if (a.state === 'changes' || a.state === 'problems' || a.state === 'failed') return a.uploadedBy === me.id;
  return false;
}

export function statusText(paper) {
  if (paper.status === 'published' && paper.published) return t('publishedOn', { date: day(paper.published.at) });
  return t(`status_${paper.status}`);
}

export function statusBadge(paper) {
  return el('span', { class: `badge status-${paper.status}`, text: statusText(paper) });
}

export function renderPaperList(papers, filter, selectedSlug, me, onSelect) {
  const list = document.getElementById('paper-list');
  const empty = document.getElementById('paper-list-empty');
  const shown = papers.filter(p => !filter || (filter === mine ? waitsFor(p, me) : p.status === filter));
  empty.hidden = shown.length > 0;
  empty.textContent = filter ? t('noPapersInState') : t('noPapers');
  replaceChildrenKeepingFocus(list, shown.map(paper => {
    const a = paper.attention;
    const who = a.state === 'review' ? t('waitsCopyEditor') : a.state === 'none' ? '' : t('waitsEditor');
    return el('li', {},
      el('button', {
        type: 'button', class: `paper-button${waitsFor(paper, me) ? ' for-me' : ''}`, 'data-key': `paper:${paper.slug}`, 'data-slug': paper.slug,
        'data-status': paper.status, 'aria-current': paper.slug === selectedSlug ? 'true' : null, onclick: () => onSelect(paper.slug),
      },
      el('span', { class: 'paper-title', text: paper.title || paper.slug }),
      el('span', { class: 'paper-meta' }, statusBadge(paper),
        a.number ? el('span', { text: t('revisionN', { n: a.number }) }) : null,
        who ? el('span', { text: who }) : null,
        el('span', { text: when(paper.updatedAt, language) }))));
  }));
}

export function renderWaiting(papers, me) {
  const count = papers.filter(p => waitsFor(p, me)).length;
  const link = document.getElementById('waiting');
  link.hidden = count === 0;
  link.textContent = count === 0 ? '' : countOf(count, 'waiting1', 'waitingN');
  link.dataset.count = String(count);
}

export function day(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(language, { dateStyle: 'medium' });
}
