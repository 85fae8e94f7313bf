// The preview PDF, fetched once per revision: its SHA-256 is what an approval names, and the page shows those
// very bytes (a blob: URL in the browser's own PDF viewer), so a copy editor approves exactly what they saw.
import { api, sha256Hex, problemText } from './api.js';
import { el } from './dom.js';
import { t, countOf } from './labels.js';

const previews = new Map();

/** { ok, sha256, url } or { ok: false, problem }; a revision's preview never changes, so it is kept. */
export function previewOf(slug, revision) {
  const key = `${slug}/${revision}`;
  if (!previews.has(key)) {
    previews.set(key, api.preview(slug, revision).then(async answer => {
      if (!answer.ok) { previews.delete(key); return answer; }
      const sha256 = await sha256Hex(answer.value);
      const url = URL.createObjectURL(new Blob([answer.value], { type: 'application/pdf' }));
      return { ok: true, sha256, url };
    }));
  }
  return previews.get(key);
}

export function previewSection(slug, r, title) {
  const body = el('div', { class: 'preview-body' }, el('p', { class: 'status busy' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), t('previewLoading')));
  previewOf(slug, r.revision).then(preview => {
    if (!preview.ok) { body.replaceChildren(el('p', { class: 'message error', text: t('previewFailed', { detail: problemText(preview.problem) }) })); return; }
    body.replaceChildren(
      el('iframe', { class: 'preview-frame', id: 'preview-frame', src: preview.url, title: t('previewTitle', { title }) }),
      el('p', {}, el('a', { href: preview.url, target: '_blank', rel: 'noopener', class: 'open-pdf', text: t('openPdf') })));
  });
  return el('section', { class: 'preview', 'aria-labelledby': 'preview-heading' },
    el('h4', { id: 'preview-heading' }, t('previewHeading'), ' ',
      el('span', { class: 'page-count', id: 'page-count', text: r.pageCount > 0 ? countOf(r.pageCount, 'pages1', 'pagesN') : '' })),
    body);
}
