// The list of papers, newest upload first, filterable by the state of each paper's newest revision.
import { el, replaceChildrenKeepingFocus, stateBadge, when } from './dom.js';
import { t, language } from './labels.js';

export const filterStates = ['invalid', 'queued', 'rendering', 'rendered', 'changes-requested', 'approved', 'published', 'failed', 'superseded'];

export function setUpFilter(onChange) {
  const select = document.getElementById('state-filter');
  select.replaceChildren(el('option', { value: '', text: t('filterAll') }),
    ...filterStates.map(state => el('option', { value: state, text: t(`state_${state}`) })));
  select.addEventListener('change', () => onChange(select.value));
}

/** Newest revision first in each view (the API's order); papers by that revision's upload time, newest first. */
export function sortedPapers(views) {
  return [...views].filter(v => v.revisions.length > 0)
    .sort((a, b) => b.revisions[0].uploadedAt.localeCompare(a.revisions[0].uploadedAt) || a.head.slug.localeCompare(b.head.slug));
}

export function renderPaperList(views, filter, selectedSlug, onSelect) {
  const list = document.getElementById('paper-list');
  const empty = document.getElementById('paper-list-empty');
  const shown = sortedPapers(views).filter(v => !filter || v.revisions[0].state === filter);
  empty.hidden = shown.length > 0;
  empty.textContent = filter ? t('noPapersInState') : t('noPapers');
  replaceChildrenKeepingFocus(list, shown.map(view => {
    const newest = view.revisions[0];
    const title = view.head.title || newest.title || view.head.slug;
    return el('li', {},
      el('button', {
        type: 'button', class: 'paper-button', 'data-key': `paper:${view.head.slug}`, 'data-slug': view.head.slug,
        'aria-current': view.head.slug === selectedSlug ? 'true' : null, onclick: () => onSelect(view.head.slug),
      },
      el('span', { class: 'paper-title', text: title }),
      el('span', { class: 'paper-meta' }, stateBadge(newest.state), ' ', el('span', { text: when(newest.uploadedAt, language) }))));
  }));
}
