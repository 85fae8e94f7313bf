// The review desk: asks who is signed in and what they may do, then shows the upload form (if they may
// upload), the papers, and the chosen paper. State changes arrive by polling; while a render or a publish runs
// the page polls quickly, otherwise slowly.
import { api, problemText } from './api.js';
import { applyLabels, t } from './labels.js';
import { setUpUpload } from './upload.js';
import { renderPaperList, setUpFilter } from './papers.js';
import { renderPaper } from './revision-view.js';

// Fast enough that "rendered" appears within a couple of seconds of the render; slow enough that an idle page
// sends one request per paper every ten seconds.
const busyPollMs = 1500;
const idlePollMs = 10000;
// Drafts fetched at once when refreshing the list: keeps a long list from opening dozens of connections.
const parallelFetches = 4;
const busyStates = new Set(['queued', 'rendering', 'approved']);

const desk = { me: null, views: new Map(), filter: '', slug: null, revision: null, signatures: new Map(), timer: 0 };

async function start() {
  applyLabels(document);
  const me = await api.me();
  document.getElementById('loading').hidden = true;
  if (!me.ok) return showSignedOut(me);
  desk.me = me.value;
  showWho(desk.me);
  if (!desk.me.capabilities.read) { document.getElementById('no-role').hidden = false; return; }
  document.getElementById('main').hidden = false;
  if (desk.me.capabilities.upload) {
    document.getElementById('upload').hidden = false;
    setUpUpload((slug, revision, options) => { select(slug, revision, options?.keepFocus ?? true); refresh(); });
  }
  setUpFilter(value => { desk.filter = value; renderList(); });
  selectFromAddress();
  // A link or bookmark to a paper (#paper=slug&revision=…) opens it, also when only the fragment changed.
  window.addEventListener('hashchange', () => { selectFromAddress(); refresh(); });
  await refresh();
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
}

function selectFromAddress() {
  const address = new URLSearchParams(location.hash.slice(1));
  const slug = address.get('paper');
  if (slug && (slug !== desk.slug || address.get('revision') !== desk.revision)) select(slug, address.get('revision'), true);
}

function showSignedOut(answer) {
  document.getElementById('signed-out').hidden = false;
  document.getElementById('signed-out-detail').textContent = answer.status === 401 ? answer.problem.detail || '' : problemText(answer.problem);
  const link = document.getElementById('sign-in-link');
  if (answer.problem.signInUrl) link.href = answer.problem.signInUrl; else link.hidden = true;
}

function showWho(me) {
  document.getElementById('who').hidden = false;
  document.getElementById('who-name').textContent = me.name;
  document.getElementById('who-roles').textContent = me.roles
    .map(role => role === 'Editor' ? t('roleEditor') : role === 'CopyEditor' ? t('roleCopyEditor') : role).join(', ');
  document.getElementById('sign-out').href = me.signOutUrl;
  const switchUser = document.getElementById('switch-user');
  if (me.switchUserUrl) { switchUser.href = me.switchUserUrl; switchUser.hidden = false; }
}

function select(slug, revision, keepFocus) {
  desk.slug = slug;
  desk.revision = revision || null;
  desk.signatures.delete('paper');
  history.replaceState(null, '', `#paper=${encodeURIComponent(slug)}${revision ? `&revision=${revision}` : ''}`);
  renderList();
  renderSelected();
  if (!keepFocus) document.getElementById('paper-heading').focus();
}

async function refresh() {
  clearTimeout(desk.timer);
  try {
    const list = await api.drafts();
    if (list.ok) {
      const slugs = list.value.drafts.map(d => d.slug);
      if (desk.slug && !slugs.includes(desk.slug)) slugs.push(desk.slug);
      const views = await inBatches(slugs, slug => api.draft(slug));
      desk.views = new Map(views.filter(v => v.ok).map(v => [v.value.head.slug, v.value]));
      renderList();
      renderSelected();
    }
  } finally {
    const busy = [...desk.views.values()].some(v => v.revisions.some(r => busyStates.has(r.state)));
    desk.timer = setTimeout(refresh, busy ? busyPollMs : idlePollMs);
  }
}

async function inBatches(items, fetchOne) {
  const results = [];
  for (let i = 0; i < items.length; i += parallelFetches)
    results.push(...await Promise.all(items.slice(i, i + parallelFetches).map(fetchOne)));
  return results;
}

function changed(key, value) {
  const signature = JSON.stringify(value);
  if (desk.signatures.get(key) === signature) return false;
  desk.signatures.set(key, signature);
  return true;
}

function renderList() {
  const views = [...desk.views.values()];
  if (!changed('list', [views, desk.filter, desk.slug])) return;
  renderPaperList(views, desk.filter, desk.slug, slug => select(slug, null, false));
}

function renderSelected() {
  const view = desk.slug ? desk.views.get(desk.slug) : null;
  document.getElementById('paper').hidden = !view;
  document.getElementById('paper-placeholder').hidden = !!view;
  if (!view || !changed('paper', [view, desk.revision])) return;
  renderPaper(view, desk.revision, desk.me, {
    selectRevision: revision => select(desk.slug, revision, true),
    refresh,
  });
}

start();
