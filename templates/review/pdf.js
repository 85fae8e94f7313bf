// The preview PDF: fetched once per revision, hashed (an approval names exactly these bytes), and opened with
// PDF.js, which the app serves itself from ./vendor/ (never another host). Pages are drawn onto canvases.
import { api, sha256Hex } from './api.js';

const documents = new Map();
let pdfjs = null;

async function library() {
  if (!pdfjs) {
    pdfjs = import('./vendor/pdf.min.mjs').then(module => {
      module.GlobalWorkerOptions.workerSrc = new URL('./vendor/pdf.worker.min.mjs', import.meta.url).href;
      return module;
    });
    pdfjs.catch(() => { pdfjs = null; });
  }
  return pdfjs;
}

/** { ok, sha256, pdf (a PDF.js document), pageCount } or { ok: false, problem }; kept per revision (a preview never changes). */
export function previewOf(slug, revision) {
  const key = `${slug}/${revision}`;
  if (!documents.has(key)) {
    documents.set(key, (async () => {
      const answer = await api.preview(slug, revision);
      if (!answer.ok) { documents.delete(key); return answer; }
      const sha256 = await sha256Hex(answer.value);
      let lib;
      try { lib = await library(); } catch { documents.delete(key); return { ok: false, missingViewer: true, problem: { title: 'PDF.js', detail: '' } }; }
      // PDF.js takes the bytes over (they move to its worker): it gets a copy, the hash was made from the original.
      const pdf = await lib.getDocument({ data: new Uint8Array(answer.value.slice(0)), isEvalSupported: false, enableXfa: false }).promise;
      return { ok: true, sha256, pdf, pageCount: pdf.numPages };
    })().catch(error => { documents.delete(key); return { ok: false, problem: { title: 'PDF', detail: String(error?.message || error) } }; }));
  }
  return documents.get(key);
}

/** Draws page <n> (1-based) of <pdf> on <canvas>, <cssWidth> pixels wide, sharp on high-density screens. */
export async function drawPage(pdf, n, canvas, cssWidth, density = window.devicePixelRatio || 1) {
  const page = await pdf.getPage(n);
  const unit = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: (cssWidth / unit.width) * density });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(cssWidth)}px`;
  canvas.style.aspectRatio = `${unit.width} / ${unit.height}`;
  const context = canvas.getContext('2d', { willReadFrequently: false });
  await page.render({ canvasContext: context, canvas, viewport, background: '#ffffff' }).promise;
  return canvas;
}

/** The page's pixels at a fixed width, for comparing two revisions' pages. */
export async function pagePixels(pdf, n, width) {
  const canvas = document.createElement('canvas');
  const page = await pdf.getPage(n);
  const unit = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / unit.width });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  await page.render({ canvasContext: context, canvas, viewport, background: '#ffffff' }).promise;
  return { canvas, data: context.getImageData(0, 0, canvas.width, canvas.height) };
}
