// One paper: the decision panel first (Approve, Request changes, comment, the PDF's short SHA-256), then the
// pages, what changed, the revisions and the history. Built again only when the paper's data changed.
import { api, problemText } from './api.js';
import { el, replaceChildrenKeepingFocus, when } from './dom.js';
import { t, language } from './labels.js';
import { problemsList } from './problems.js';
import { pagesSection } from './pages.js';
import { changesSection } from './changes.js';
import { historySection } from './history.js';
import { statusBadge } from './papers.js';
import { previewOf } from './pdf.js';

const previewStates = new Set(['rendered', 'changes-requested', 'approved', 'published', 'superseded']);

// A revision's drawn pages and its comparison never change once made: a redraw of the panel (a poll brought a new
// history event) reuses them, so the reader keeps their page and nothing is fetched or compared again.
const kept = new Map();
function keptSection(key, make) {
  if (!kept.has(key)) kept.set(key, make());
  return kept.get(key);
}
export const hasPreview = r => previewStates.has(r.state) || (r.state === 'failed' && !!r.previewSha256);

/** The revision to open when none is named: the one that needs attention, else the head, else the newest upload. */
export function revisionToOpen(view) {
  const attention = view.summary?.attention;
  return attention?.revision || view.head.latestRevision || view.revisions[0].revision;
}

export function renderPaper(view, selectedRevision, me, actions) {
  const revisions = view.revisions;
  const current = revisions.find(r => r.revision === selectedRevision) || revisions.find(r => r.revision === revisionToOpen(view)) || revisions[0];
  const numbers = view.numbers || {};
  const title = view.summary?.title || view.head.title || current.title || view.head.slug;
  document.getElementById('paper-heading').textContent = title;
  document.getElementById('paper-meta').replaceChildren(...(view.summary ? [statusBadge(view.summary), ' '] : []), el('span', { class: 'paper-slug', text: view.head.slug }));
  const holder = document.getElementById('revision');
  const hadFocus = holder.contains(document.activeElement);
  // Moving the kept page area out and back in resets its scroll; the reader's place is put back.
  const area = document.getElementById('page-area');
  const scrolled = area ? area.scrollTop : 0;
  replaceChildrenKeepingFocus(holder, [revisionPanel(view, current, numbers, title, me, actions)]);
  const again = document.getElementById('page-area');
  if (again && again === area) again.scrollTop = scrolled;
  // The focused control went away with the old state (an approval succeeded): keep the reader in the revision.
  if (hadFocus && !holder.contains(document.activeElement))
    (document.getElementById('published-link') || document.getElementById('review-outcome') || document.getElementById('revision-heading'))?.focus();
}

function revisionPanel(view, r, numbers, title, me, actions) {
  const number = numbers[r.revision] ?? '?';
  const stateOf = revision => view.revisions.find(x => x.revision === revision)?.state || 'uploaded';
  const main = el('div', { class: 'revision-main' });
  const baseline = view.baselines?.[r.revision];
  if (hasPreview(r)) main.append(keptSection(`pages/${view.head.slug}/${r.revision}/${r.previewSha256}/${language}`, () => pagesSection(view.head.slug, r, number)));
  else if (r.state === 'invalid') main.append(invalidSection(view.head.slug, r));
  else main.append(statusSection(r));
  if (r.state !== 'invalid')
    main.append(keptSection(`changes/${view.head.slug}/${r.revision}/${r.previewSha256 || ''}/${baseline || ''}/${stateOf(baseline)}`,
      () => changesSection(view.head.slug, r, numbers, baseline, stateOf)));
  const side = el('aside', { class: 'revision-side', 'aria-label': t('reviewHeading') },
    decisionSection(view, r, number, title, me, actions));
  const canReply = r.state === 'changes-requested';
  return el('article', { class: 'revision', 'aria-labelledby': 'revision-heading' },
    el('h3', { id: 'revision-heading', tabindex: '-1', class: 'revision-heading' }, t('revisionN', { n: number }), ' ',
      el('span', { class: `badge state-${r.state}`, text: t(`state_${r.state}`) })),
    el('p', { class: 'revision-meta' }, t('uploadedBy', { name: uploaderName(r, me), when: when(r.uploadedAt, language) }),
      el('span', { class: 'revision-id', title: r.revision, text: ` · ${r.revision.slice(0, 12)}` })),
    el('div', { class: 'revision-body' }, side, main),
    revisionsList(view, r, numbers, actions),
    historySection(view.head.slug, r, me.siteUrl || '/', canReply, actions));
}

function uploaderName(r, me) {
  const uploaded = (r.history || []).find(e => e.kind === 'uploaded');
  return uploaded?.byName || (r.uploadedBy === me.id ? me.name : r.uploadedBy);
}

function revisionsList(view, current, numbers, actions) {
  return el('section', { class: 'revisions', 'aria-labelledby': 'revisions-heading' },
    el('h3', { id: 'revisions-heading', text: t('revisionsHeading') }),
    el('ol', { class: 'revision-list', id: 'revision-list' }, view.revisions.map((r, i) => el('li', {},
      el('button', {
        type: 'button', class: 'revision-button', 'data-key': `revision:${r.revision}`, 'data-revision': r.revision, 'data-number': String(numbers[r.revision]),
        'aria-current': r.revision === current.revision ? 'true' : null, onclick: () => actions.selectRevision(r.revision),
      },
      el('span', { class: 'revision-number', text: t('revisionN', { n: numbers[r.revision] }) }), ' ',
      el('span', { class: `badge state-${r.state}`, text: t(`state_${r.state}`) }),
      i === 0 ? el('span', { class: 'latest', text: ` · ${t('latest')}` }) : null,
      el('span', { class: 'revision-when', text: when(r.uploadedAt, language) }))))));
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

function invalidSection(slug, r) {
  const holder = el('div', { class: 'invalid' }, problemsList(r.diagnostics || [], r.sourceFile, null));
  api.source(slug, r.revision).then(answer => {
    if (answer.ok) holder.replaceChildren(problemsList(r.diagnostics || [], r.sourceFile, answer.value));
  });
  return holder;
}

function publishedLink(view, me) {
  const path = view.summary?.published?.publicPath;
  if (!path) return null;
  return el('a', { href: (me.siteUrl || '/') + path.replace(/index\.html$/, ''), class: 'published-link', id: 'published-link', text: t('readPublished') });
}

function decisionSection(view, r, number, title, me, actions) {
  const section = el('section', { class: 'review', id: 'decision', 'aria-labelledby': 'review-heading' }, el('h4', { id: 'review-heading', text: t('reviewHeading') }));
  const outcome = el('div', { class: 'review-outcome', id: 'review-outcome', role: 'status', tabindex: '-1' });
  // What this person just did, said again after the redraw; once the paper is out, that it is published.
  const said = actions.messageFor(r.revision);
  if (said) outcome.append(el('p', { class: 'message ok', text: r.state === 'published' ? t('publishedMessage') : said }));
  if (r.previewSha256)
    section.append(el('p', { class: 'pdf-hash', id: 'pdf-hash', title: t('pdfHashTitle', { hash: r.previewSha256 }) },
      el('code', { text: t('pdfHash', { hash: r.previewSha256.slice(0, 12) }) })));
  if (r.state === 'published' || r.state === 'approved') {
    section.append(statusSection(r));
    const link = r.state === 'published' ? publishedLink(view, me) : null;
    if (link) section.append(el('p', {}, link));
    section.append(outcome);
    return section;
  }
  if (r.state !== 'rendered') {
    section.append(el('p', { class: 'note', text: r.state === 'changes-requested' ? t('state_changes-requested') : r.state === 'invalid' ? t('state_invalid') : t('noDecision') }), outcome);
    if (r.state === 'queued' || r.state === 'rendering' || r.state === 'failed') section.append(statusSection(r));
    return section;
  }
  if (!me.capabilities.review) { section.append(el('p', { class: 'note', text: t('editorOnlyNote') }), outcome); return section; }
  if (view.head.latestRevision && view.head.latestRevision !== r.revision) {
    const newest = view.head.latestRevision;
    section.append(el('p', { class: 'note', text: t('notHead', { n: view.numbers?.[newest] }) }),
      el('button', { type: 'button', onclick: () => actions.selectRevision(newest), text: t('openNewest', { n: view.numbers?.[newest] }) }));
    return section;
  }
  const own = r.uploadedBy === me.id;
  if (own) section.append(el('p', { class: 'note four-eyes', id: 'four-eyes', text: t('fourEyes') }));
  const approve = el('button', { type: 'button', class: 'primary', id: 'approve-button', 'data-key': 'approve', disabled: own,
    'aria-describedby': own ? 'four-eyes' : 'pdf-hash', text: t('approve') });
  approve.addEventListener('click', async () => {
    const preview = await previewOf(view.head.slug, r.revision);
    if (!preview.ok) { say(outcome, false, problemText(preview.problem)); return; }
    if (!await confirmPublish(title, number, view.head.slug, r.revision, me)) { approve.focus(); return; }
    approve.disabled = true;
    const answer = await api.approve(view.head.slug, r.revision, preview.sha256);
    approve.disabled = false;
    say(outcome, answer.ok, answer.ok ? t('approvedMessage') : problemText(answer.problem));
    if (answer.ok) actions.decided(r.revision, t('approvedMessage'));
  });
  const comment = el('textarea', { id: 'comment-input', rows: '3', maxlength: '4000', 'data-key': 'comment', disabled: own,
    'aria-describedby': own ? 'four-eyes comment-hint' : 'comment-hint' });
  const send = el('button', { type: 'button', id: 'request-changes-button', 'data-key': 'request-changes', disabled: own,
    'aria-describedby': own ? 'four-eyes' : null, text: t('requestChanges') });
  send.addEventListener('click', async () => {
    if (!comment.value.trim()) { say(outcome, false, t('commentNeeded')); comment.focus(); return; }
    send.disabled = true;
    const answer = await api.requestChanges(view.head.slug, r.revision, comment.value);
    send.disabled = false;
    say(outcome, answer.ok, answer.ok ? t('changesRequestedMessage') : problemText(answer.problem));
    if (answer.ok) actions.decided(r.revision, t('changesRequestedMessage'));
  });
  section.append(el('div', { class: 'approve-row' }, approve),
    el('label', { for: 'comment-input', text: t('commentLabel') }), comment,
    el('p', { class: 'hint', id: 'comment-hint', text: t('commentHint') }), send, outcome);
  return section;
}

/** The outcome of an action, said where focus goes next, so focus never falls to the page's body. */
function say(outcome, ok, text) {
  outcome.replaceChildren(el('p', { class: `message ${ok ? 'ok' : 'error'}`, text }));
  outcome.focus();
}

/** Asks once, in a modal dialog, where readers will see the paper; resolves true only on "Publish". */
async function confirmPublish(title, number, slug, revision, me) {
  const dialog = document.getElementById('confirm-approve');
  // The site files a paper under the year of its date (SitePaths.PaperFolder), read from the revision's own text.
  const text = await api.text(slug, revision);
  const date = text.ok ? text.value.blocks.find(b => b.kind === 'field' && b.name === 'date')?.text : null;
  const year = date ? date.slice(0, 4) : new Date().getFullYear();
  const url = `${me.siteUrl || '/'}perspectives/${year}/${slug}/`;
  document.getElementById('confirm-text').textContent = t('confirmText', { n: number, title, url: new URL(url, location.href).href });
  return new Promise(resolve => {
    const publish = document.getElementById('confirm-publish'), cancel = document.getElementById('confirm-cancel');
    const finish = value => { publish.onclick = cancel.onclick = dialog.oncancel = null; dialog.close(); resolve(value); };
    publish.onclick = () => finish(true);
    cancel.onclick = () => finish(false);
    dialog.oncancel = event => { event.preventDefault(); finish(false); };
    dialog.showModal();
    publish.focus();
  });
}
