// One paper: its revisions, and the chosen revision's state, problems, comment, preview, review actions and
// changes since the previous revision. Built again only when the paper's data changed.
import { api, problemText } from './api.js';
import { el, replaceChildrenKeepingFocus, shortRevision, stateBadge, when } from './dom.js';
import { t, language } from './labels.js';
import { problemsList } from './problems.js';
import { previewSection, previewOf } from './preview.js';
import { changesSection } from './changes.js';

const previewStates = new Set(['rendered', 'changes-requested', 'approved', 'published', 'superseded']);
export const hasPreview = r => previewStates.has(r.state) || (r.state === 'failed' && !!r.previewSha256);

export function renderPaper(view, selectedRevision, me, actions) {
  const revisions = view.revisions;
  const current = revisions.find(r => r.revision === selectedRevision) || revisions[0];
  const title = view.head.title || current.title || view.head.slug;
  document.getElementById('paper-heading').textContent = title;
  document.getElementById('paper-slug').textContent = view.head.slug;
  replaceChildrenKeepingFocus(document.getElementById('revision-list'), revisions.map((r, i) => el('li', {},
    el('button', {
      type: 'button', class: 'revision-button', 'data-key': `revision:${r.revision}`, 'data-revision': r.revision,
      'aria-current': r.revision === current.revision ? 'true' : null, onclick: () => actions.selectRevision(r.revision),
    },
    el('span', { class: 'revision-id', text: shortRevision(r.revision) }), ' ', stateBadge(r.state),
    i === 0 ? el('span', { class: 'latest', text: ` · ${t('latest')}` }) : null,
    el('span', { class: 'revision-when', text: when(r.uploadedAt, language) })))));
  const index = revisions.indexOf(current);
  const holder = document.getElementById('revision');
  const hadFocus = holder.contains(document.activeElement);
  replaceChildrenKeepingFocus(holder, [revisionPanel(view, current, revisions[index + 1] || null, title, me, actions)]);
  // The focused button went away with the old state (an approval succeeded): keep the reader in the revision.
  if (hadFocus && !holder.contains(document.activeElement)) document.getElementById('revision-heading')?.focus();
}

function revisionPanel(view, r, previous, title, me, actions) {
  const uploader = r.uploadedBy === me.id ? me.name : r.uploadedBy;
  const main = el('div', { class: 'revision-main' });
  const side = el('div', { class: 'revision-side' });
  if (hasPreview(r)) main.append(previewSection(view.head.slug, r, title));
  else if (r.state === 'invalid') main.append(invalidSection(view.head.slug, r));
  side.append(...[statusSection(r), commentSection(r), reviewSection(view, r, me, actions), changesSection(view.head.slug, r, previous)].filter(Boolean));
  return el('article', { class: 'revision', 'aria-labelledby': 'revision-heading' },
    el('h3', { id: 'revision-heading', tabindex: '-1' }, t('revision', { revision: shortRevision(r.revision) }), ' ', stateBadge(r.state)),
    el('p', { class: 'revision-meta' }, t('uploadedBy', { name: uploader, when: when(r.uploadedAt, language) }),
      r.reviewedBy ? ` · ${t('reviewedBy', { name: r.reviewedBy === me.id ? me.name : r.reviewedBy })}` : ''),
    el('div', { class: 'revision-body' }, main, side));
}

function statusSection(r) {
  const busy = r.state === 'queued' || r.state === 'rendering' || r.state === 'approved';
  const text = r.state === 'queued' || r.state === 'rendering' ? t('renderingNow')
    : r.state === 'approved' ? t('publishingNow')
    : r.state === 'published' ? t('publishedNote')
    : r.state === 'failed' ? t('failedNote', { reason: r.failureReason || '' })
    : r.state === 'superseded' ? (r.failureReason || '')
    : '';
  return el('p', { class: `status ${busy ? 'busy' : ''} ${r.state === 'failed' ? 'error' : ''}`, role: 'status', id: 'revision-status' },
    busy ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, text);
}

function commentSection(r) {
  if (!r.comment) return null;
  return el('section', { class: 'comment', 'aria-labelledby': 'comment-heading' },
    el('h4', { id: 'comment-heading', text: t('commentHeading') }),
    el('p', { class: 'comment-by', text: t('commentBy', { name: r.reviewedBy || '' }) }),
    el('blockquote', { class: 'comment-text', text: r.comment }));
}

function invalidSection(slug, r) {
  const holder = el('div', { class: 'invalid' }, problemsList(r.diagnostics || [], r.sourceFile, null));
  api.source(slug, r.revision).then(answer => {
    if (answer.ok) holder.replaceChildren(problemsList(r.diagnostics || [], r.sourceFile, answer.value));
  });
  return holder;
}

function reviewSection(view, r, me, actions) {
  const section = el('section', { class: 'review', 'aria-labelledby': 'review-heading' }, el('h4', { id: 'review-heading', text: t('reviewHeading') }));
  if (r.state !== 'rendered') return null;
  if (!me.capabilities.review) { section.append(el('p', { class: 'note', text: t('editorOnlyNote') })); return section; }
  if (view.head.latestRevision && view.head.latestRevision !== r.revision) { section.append(el('p', { class: 'note', text: t('notHead') })); return section; }
  const own = r.uploadedBy === me.id;
  if (own) section.append(el('p', { class: 'note four-eyes', id: 'four-eyes', text: t('fourEyes') }));
  const outcome = el('div', { class: 'review-outcome', id: 'review-outcome', role: 'alert' });
  const approve = el('button', { type: 'button', class: 'primary', id: 'approve-button', 'data-key': 'approve', disabled: own,
    'aria-describedby': own ? 'four-eyes' : null, text: t('approve') });
  approve.addEventListener('click', async () => {
    approve.disabled = true;
    const preview = await previewOf(view.head.slug, r.revision);
    const answer = preview.ok ? await api.approve(view.head.slug, r.revision, preview.sha256) : preview;
    outcome.replaceChildren(el('p', { class: `message ${answer.ok ? 'ok' : 'error'}`, text: answer.ok ? t('approvedMessage') : problemText(answer.problem) }));
    approve.disabled = false;
    if (answer.ok) actions.refresh();
  });
  const comment = el('textarea', { id: 'comment-input', rows: '4', maxlength: '4000', 'data-key': 'comment', disabled: own,
    'aria-describedby': own ? 'four-eyes comment-hint' : 'comment-hint' });
  const send = el('button', { type: 'button', id: 'request-changes-button', 'data-key': 'request-changes', disabled: own,
    'aria-describedby': own ? 'four-eyes' : null, text: t('requestChanges') });
  send.addEventListener('click', async () => {
    if (!comment.value.trim()) { outcome.replaceChildren(el('p', { class: 'message error', text: t('commentNeeded') })); comment.focus(); return; }
    send.disabled = true;
    const answer = await api.requestChanges(view.head.slug, r.revision, comment.value);
    outcome.replaceChildren(el('p', { class: `message ${answer.ok ? 'ok' : 'error'}`, text: answer.ok ? t('changesRequestedMessage') : problemText(answer.problem) }));
    send.disabled = false;
    if (answer.ok) actions.refresh();
  });
  section.append(el('div', { class: 'approve-row' }, approve),
    el('label', { for: 'comment-input', text: t('commentLabel') }), comment,
    el('p', { class: 'hint', id: 'comment-hint', text: t('commentHint') }), send, outcome);
  return section;
}

