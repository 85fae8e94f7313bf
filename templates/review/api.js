// The desk's only way to the server: the same /api routes scripts use, same-origin, with the browser's
// sign-in cookie. Every failure comes back as { ok: false, status, problem } with a sentence to show.
import { t, language } from './labels.js';

const apiRoot = '/api';

async function call(path, options = {}) {
  let response;
  try {
    // The API answers its problems in the desk's language (Accept-Language), so refusals read like the page.
    const headers = { 'Accept-Language': language, ...(options.headers || {}) };
    response = await fetch(apiRoot + path, { credentials: 'same-origin', cache: 'no-store', ...options, headers });
  } catch {
    return { ok: false, status: 0, problem: { title: t('networkError'), detail: '' } };
  }
  if (response.ok) return { ok: true, status: response.status, response };
  let problem = { title: `HTTP ${response.status}`, detail: response.statusText };
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) problem = await response.json();
  } catch { /* an unreadable error body keeps the status line */ }
  return { ok: false, status: response.status, problem };
}

async function json(path, options) {
  const result = await call(path, options);
  if (result.ok) result.value = await result.response.json();
  return result;
}

const draftPath = (slug, revision) => `/drafts/${encodeURIComponent(slug)}/revisions/${encodeURIComponent(revision)}`;

export const api = {
  me: () => json('/me'),
  drafts: () => json('/drafts'),
  draft: slug => json(`/drafts/${encodeURIComponent(slug)}`),
  upload: formData => json('/drafts', { method: 'POST', body: formData }),
  approve: (slug, revision, pdfSha256) => json(`${draftPath(slug, revision)}/approve`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pdfSha256 }),
  }),
  requestChanges: (slug, revision, comment) => json(`${draftPath(slug, revision)}/request-changes`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ comment }),
  }),
  reply: (slug, revision, comment) => json(`${draftPath(slug, revision)}/replies`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ comment }),
  }),
  history: slug => json(`/drafts/${encodeURIComponent(slug)}/history`),
  text: (slug, revision) => json(`${draftPath(slug, revision)}/text`),
  async source(slug, revision) {
    const result = await call(`${draftPath(slug, revision)}/source`);
    if (result.ok) result.value = await result.response.text();
    return result;
  },
  async preview(slug, revision) {
    const result = await call(`${draftPath(slug, revision)}/preview.pdf`);
    if (result.ok) result.value = await result.response.arrayBuffer();
    return result;
  },
};

/** The SHA-256 of exactly the bytes shown, which is what an approval names. */
export async function sha256Hex(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, b => b.toString(16).padStart(2, '0')).join('');
}

export function problemText(problem) {
  return problem.detail ? t('refused', { title: problem.title, detail: problem.detail }) : problem.title;
}
