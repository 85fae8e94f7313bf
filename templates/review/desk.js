// The review desk: asks who is signed in and what they may do, then shows the papers with what each waits for,
// the upload form (if they may upload), and the chosen paper at the revision that needs them. State changes
// arrive by polling: quickly while a render or a publish runs, slowly otherwise; the count of papers waiting for
// the signed-in person updates with it, without a reload.
import { api, problemText } from './api.js';
import { applyLabels, t } from './labels.js';
import { setUpUpload } from './upload.js';
import { renderPaperList, renderWaiting, setUpFilter, mine } from './papers.js';
import { renderPaper, revisionToOpen } from './revision-view.js';

// Fast enough that "rendered" appears within a couple of seconds of the render; slow enough that an idle page
// sends two requests every ten seconds.
const busyPollMs = 1500;
const idlePollMs = 10000;
const busyStatuses = new Set(['rendering', 'publishing']);

const desk = { me: null, papers: [], view: null, filter: '', slug: null, revision: null, signatures: new Map(), timer: 0, messages: new Map() };

async function start() {
  applyLabels(document);
  const me = await api.me();
  document.getElementById('loading').hidden = true;
  if (!me.ok) return showSignedOut(me);
  desk.me = me.value;
  showWho(desk.me);
  if (!desk.me.capabilities.read) { document.getElementById('no-role').hidden = false; return; }
  document.getElementById('desk').hidden = false;
  if (desk.me.capabilities.upload) {
    document.getElementById('upload').hidden = false;
    setUpUpload((slug, revision) => {
      select(slug, revision, true);
      refresh();
      // Focus goes to what the upload said (accepted, or the problems), never to the page's body.
      document.getElementById('upload-result').focus();
    });
  }
  setUpFilter(value => { desk.filter = value; renderList(); });
  document.getElementById('waiting').addEventListener('click', event => {
    event.preventDefault();
    const filter = document.getElementById('state-filter');
    filter.value = mine;
    desk.filter = mine;
    renderList();
    filter.focus();
  });
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

async function select(slug, revision, keepFocus) {
  const samePaper = slug === desk.slug;
  desk.slug = slug;
  desk.revision = revision || null;
  if (!samePaper) desk.view = null;
  desk.signatures.delete('paper');
  renderList();
  await loadPaper();
  // Opening a paper opens the revision that needs the viewer; the address names it, so a reload keeps it.
  if (desk.view && !desk.revision) desk.revision = revisionToOpen(desk.view);
  history.replaceState(null, '', `#paper=${encodeURIComponent(slug)}${desk.revision ? `&revision=${desk.revision}` : ''}`);
  renderSelected();
  if (!keepFocus) document.getElementById('paper-heading').focus();
}

async function loadPaper() {
  if (!desk.slug) return;
  const answer = await api.draft(desk.slug);
  if (answer.ok) desk.view = answer.value;
}

async function refresh() {
  clearTimeout(desk.timer);
  try {
    const [list] = await Promise.all([api.drafts(), loadPaper()]);
    if (list.ok) {
      desk.papers = list.value.drafts;
      renderWaiting(desk.papers, desk.me);
      renderList();
      renderSelected();
    }
  } finally {
    const busy = desk.papers.some(p => busyStatuses.has(p.status));
    desk.timer = setTimeout(refresh, busy ? busyPollMs : idlePollMs);
  }
}

function changed(key, value) {
  const signature = JSON.stringify(value);
  if (desk.signatures.get(key) === signature) return false;
  desk.signatures.set(key, signature);
  return true;
}

function renderList() {
  if (!changed('list', [desk.papers, desk.filter, desk.slug])) return;
  renderPaperList(desk.papers, desk.filter, desk.slug, desk.me, slug => select(slug, null, false));
}

function renderSelected() {
  const view = desk.view && desk.view.head.slug === desk.slug ? desk.view : null;
  document.getElementById('paper').hidden = !view;
  document.getElementById('paper-placeholder').hidden = !!view;
  if (!view || !changed('paper', [view, desk.revision])) return;
  renderPaper(view, desk.revision, desk.me, {
    selectRevision: revision => select(desk.slug, revision, true),
    refresh,
    // What the person just did, said again in the panel after the page redraws (approved → published).
    decided: (revision, message) => { desk.messages.set(revision, message); refresh(); },
    messageFor: revision => desk.messages.get(revision),
  });
}

start();
