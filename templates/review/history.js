// The paper's timeline, oldest first, from GET /api/drafts/{slug}/history: who did what when, by name; and, when
// a revision was sent back, the editor's reply box (a thread, not one field).
import { api, problemText } from './api.js';
import { el, when } from './dom.js';
import { t, countOf, language } from './labels.js';

export function historySection(slug, r, siteUrl, canReply, actions) {
  const list = el('ol', { class: 'timeline', id: 'timeline' }, el('li', { class: 'hint', text: t('loading') }));
  const section = el('section', { class: 'history', id: 'history', 'aria-labelledby': 'history-heading' },
    el('h3', { id: 'history-heading', text: t('historyHeading') }), list);
  api.history(slug).then(answer => {
    if (!answer.ok) { list.replaceChildren(el('li', { class: 'message error', text: problemText(answer.problem) })); return; }
    const events = answer.value.events;
    list.replaceChildren(...(events.length ? events.map(e => entry(e, siteUrl)) : [el('li', { text: t('historyEmpty') })]));
  });
  if (canReply) section.append(replyForm(slug, r, actions));
  return section;
}

function entry(e, siteUrl) {
  const values = {
    n: e.number, by: e.by || '', hash: (e.pdfSha256 || '').slice(0, 12), reason: e.reason || '',
    pages: e.pages ? countOf(e.pages, 'pages1', 'pagesN') : '', problems: countOf(e.problems ?? 0, 'problemCount1', 'problemCountN'),
  };
  const item = el('li', { class: `event event-${e.kind}`, 'data-kind': e.kind, 'data-revision-number': String(e.number) },
    el('time', { datetime: e.at, text: when(e.at, language) }), ' ',
    el('span', { class: 'event-text', text: t(`event_${e.kind}`, values) }));
  if (e.comment) item.append(el('blockquote', { class: 'event-comment', text: e.comment }));
  if (e.kind === 'published' && e.publicPath) {
    const href = siteUrl + e.publicPath.replace(/index\.html$/, '');
    item.append(' ', el('a', { href, class: 'published-link', text: t('readPublished') }));
  }
  return item;
}

function replyForm(slug, r, actions) {
  const input = el('textarea', { id: 'reply-input', rows: '3', maxlength: '2000', 'data-key': 'reply' });
  // data-key: when a poll redraws the history, focus and the sentence stay on the answer to this reply.
  const outcome = el('div', { class: 'reply-outcome', id: 'reply-outcome', 'data-key': 'reply-outcome', role: 'status', tabindex: '-1' });
  const said = actions.messageFor(`reply:${r.revision}`);
  if (said) outcome.append(el('p', { class: 'message ok', text: said }));
  const send = el('button', { type: 'button', id: 'reply-button', 'data-key': 'reply-button', text: t('replyButton') });
  send.addEventListener('click', async () => {
    if (!input.value.trim()) { outcome.replaceChildren(el('p', { class: 'message error', text: t('replyNeeded') })); input.focus(); return; }
    send.disabled = true;
    const answer = await api.reply(slug, r.revision, input.value);
    send.disabled = false;
    outcome.replaceChildren(el('p', { class: `message ${answer.ok ? 'ok' : 'error'}`, text: answer.ok ? t('replySent') : problemText(answer.problem) }));
    outcome.focus();
    if (answer.ok) { input.value = ''; actions.decided(`reply:${r.revision}`, t('replySent')); }
  });
  return el('div', { class: 'reply' }, el('label', { for: 'reply-input', text: t('replyLabel') }), input, send, outcome);
}
