// Uploading a draft: the .md file and its images picked or dropped, checked here for what the API would refuse
// anyway (one Markdown file, known types, 2 MB), then sent as multipart with the types the API expects.
import { api, problemText } from './api.js';
import { el, shortRevision } from './dom.js';
import { t, countOf } from './labels.js';
import { problemsList } from './problems.js';

// The API's own limit (RequestLimits.MaxUploadBytes); checked here so a large image is refused at once.
const maxUploadBytes = 2 * 1024 * 1024;
const typesByExtension = { md: 'text/markdown', markdown: 'text/markdown', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

export function setUpUpload(onUploaded) {
  const form = document.getElementById('upload-form');
  const input = document.getElementById('upload-files');
  const zone = document.getElementById('drop-zone');
  const chosenList = document.getElementById('upload-chosen');
  const result = document.getElementById('upload-result');
  let chosen = [];

  const choose = files => {
    chosen = Array.from(files);
    chosenList.replaceChildren(...chosen.map(f => el('li', { text: `${f.name} (${kilobytes(f.size)})` })));
  };
  input.addEventListener('change', () => choose(input.files));
  zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('dragging');
    choose(event.dataTransfer.files);
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const refusal = checkFiles(chosen);
    if (refusal) { show(result, 'error', refusal); return; }
    const button = document.getElementById('upload-button');
    button.disabled = true;
    show(result, 'busy', t('uploading'));
    try {
      const body = await formOf(chosen);
      if (!body) { show(result, 'error', t('uploadUnreadable')); return; }
      const answer = await api.upload(body);
      if (answer.ok) {
        show(result, 'ok', t('uploadAccepted', { revision: shortRevision(answer.value.revision) }));
        // A fresh choice next time: the editor corrects the file on disk and picks it again.
        form.reset();
        choose([]);
        onUploaded(answer.value.slug, answer.value.revision);
      } else if (answer.problem.diagnostics?.length) {
        const markdown = chosen.find(f => typeOf(f.name) === 'text/markdown');
        const text = await markdown.text().catch(() => null);
        result.replaceChildren(
          el('p', { class: 'message error', text: t('uploadProblems', { count: countOf(answer.problem.diagnostics.length, 'problemCount1', 'problemCountN') }) }),
          problemsList(answer.problem.diagnostics, markdown.name, text, 3));
        if (answer.problem.slug) onUploaded(answer.problem.slug, answer.problem.revision, { keepFocus: true });
      } else {
        show(result, 'error', t('uploadRefused', { detail: problemText(answer.problem) }));
      }
    } finally {
      button.disabled = false;
    }
  });
}

// The bytes are read before sending: a file changed on disk since it was picked cannot be read any more, and
// that deserves a sentence, not a network error.
async function formOf(files) {
  const body = new FormData();
  try {
    for (const file of files) body.append('files', new Blob([await file.arrayBuffer()], { type: typeOf(file.name) }), file.name);
  } catch {
    return null;
  }
  return body;
}

function checkFiles(files) {
  const unsupported = files.find(f => !typeOf(f.name));
  if (unsupported) return t('uploadUnsupported', { name: unsupported.name });
  if (files.filter(f => typeOf(f.name) === 'text/markdown').length !== 1) return t('uploadNeedsOneMarkdown');
  const total = files.reduce((sum, f) => sum + f.size, 0);
  return total > maxUploadBytes ? t('uploadTooLarge', { size: kilobytes(total) }) : null;
}

function typeOf(name) {
  const extension = name.includes('.') ? name.split('.').pop().toLowerCase() : '';
  return typesByExtension[extension];
}

function kilobytes(bytes) { return `${Math.max(1, Math.round(bytes / 1024))} KB`; }

function show(container, kind, text) {
  container.replaceChildren(el('p', { class: `message ${kind}`, text }));
}
