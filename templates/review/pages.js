// The pages of one revision drawn in the page: a canvas per page, fit to the column's width, numbered, with zoom
// and keyboard paging. The page area is one Tab stop; inside it the arrow keys, Page Up/Down, Home and End move
// between pages and + / − zoom, so a keyboard user never tabs through twelve pages to reach anything else.
import { el } from './dom.js';
import { t, countOf } from './labels.js';
import { problemText } from './api.js';
import { previewOf, drawPage } from './pdf.js';

const zoomSteps = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2];

export function pagesSection(slug, r, number, onPreview) {
  const state = { zoom: 1, current: 1, total: 0, pdf: null };
  const counter = el('span', { class: 'page-counter', id: 'page-counter', 'aria-live': 'polite' });
  const zoomLabel = el('span', { class: 'zoom-level', id: 'zoom-level', text: t('zoomLevel', { percent: 100 }) });
  const button = (id, label, text, action) => el('button', { type: 'button', class: 'tool', id, 'aria-label': label, title: label, text, onclick: action });
  const area = el('div', {
    class: 'page-area', id: 'page-area', 'data-key': 'page-area', tabindex: '0', role: 'region', 'aria-label': t('pagesArea', { n: number }),
  }, el('p', { class: 'status busy' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), t('previewLoading')));
  const toolbar = el('div', { class: 'page-tools' },
    button('zoom-out', t('zoomOut'), '−', () => zoomBy(-1)), zoomLabel, button('zoom-in', t('zoomIn'), '+', () => zoomBy(1)),
    button('fit-width', t('fitWidth'), '↔', () => setZoom(1)), counter);

  const pageWidth = () => Math.max(200, (area.clientWidth || 600) - 24) * state.zoom;

  let drawing = 0;
  async function drawAll() {
    const run = ++drawing;
    const width = pageWidth();
    const figures = [];
    for (let n = 1; n <= state.total; n++) {
      const canvas = el('canvas', { class: 'page-canvas', 'data-page': String(n), role: 'img', 'aria-label': t('pageOf', { n, total: state.total }) });
      figures.push(el('figure', { class: 'page', id: `page-${n}`, 'data-page': String(n) }, canvas,
        el('figcaption', { text: t('pageOf', { n, total: state.total }) })));
    }
    area.replaceChildren(...figures);
    // One page after another, so the first page appears at once and a long paper never holds the page up.
    for (const figure of figures) {
      if (run !== drawing) return; // a newer zoom or width took over
      await drawPage(state.pdf, Number(figure.dataset.page), figure.firstChild, width);
    }
    area.dataset.drawn = String(state.total);
  }

  function showCurrent() {
    counter.textContent = state.total ? t('pageOf', { n: state.current, total: state.total }) : '';
  }

  function goTo(n) {
    state.current = Math.min(Math.max(1, n), state.total);
    area.querySelector(`#page-${state.current}`)?.scrollIntoView({ block: 'start' });
    showCurrent();
  }

  function setZoom(zoom) {
    state.zoom = zoom;
    zoomLabel.textContent = t('zoomLevel', { percent: Math.round(zoom * 100) });
    if (state.pdf) drawAll().then(() => goTo(state.current));
  }

  function zoomBy(direction) {
    const index = zoomSteps.indexOf(state.zoom);
    setZoom(zoomSteps[Math.min(zoomSteps.length - 1, Math.max(0, (index < 0 ? 3 : index) + direction))]);
  }

  area.addEventListener('keydown', event => {
    const keys = { ArrowDown: 1, ArrowRight: 1, PageDown: 1, ' ': 1, ArrowUp: -1, ArrowLeft: -1, PageUp: -1 };
    if (event.key in keys) { goTo(state.current + keys[event.key]); event.preventDefault(); }
    else if (event.key === 'Home') { goTo(1); event.preventDefault(); }
    else if (event.key === 'End') { goTo(state.total); event.preventDefault(); }
    else if (event.key === '+' || event.key === '=') { zoomBy(1); event.preventDefault(); }
    else if (event.key === '-') { zoomBy(-1); event.preventDefault(); }
  });
  // Scrolling with the mouse or a finger updates the page number too.
  area.addEventListener('scroll', () => {
    const top = area.getBoundingClientRect().top;
    const visible = [...area.querySelectorAll('.page')].find(p => p.getBoundingClientRect().bottom > top + 40);
    if (visible) { state.current = Number(visible.dataset.page); showCurrent(); }
  }, { passive: true });

  // Fit width follows the column: a turned phone or a resized window redraws the pages at the new width.
  let drawnWidth = 0, resizeTimer = 0;
  new ResizeObserver(() => {
    if (!state.pdf || Math.abs(area.clientWidth - drawnWidth) < 16) return;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { drawnWidth = area.clientWidth; drawAll(); }, 150);
  }).observe(area);

  previewOf(slug, r.revision).then(async preview => {
    if (!preview.ok) {
      area.replaceChildren(el('p', { class: 'message error', text: preview.missingViewer ? t('viewerMissing') : t('previewFailed', { detail: problemText(preview.problem) }) }));
      return;
    }
    onPreview?.(preview);
    state.pdf = preview.pdf;
    state.total = preview.pageCount;
    document.getElementById('page-count')?.replaceChildren(countOf(state.total, 'pages1', 'pagesN'));
    showCurrent();
    drawnWidth = area.clientWidth;
    await drawAll();
  }).catch(error => area.replaceChildren(el('p', { class: 'message error', text: t('previewFailed', { detail: String(error?.message || error) }) })));

  return el('section', { class: 'pages', 'aria-labelledby': 'pages-heading' },
    el('h3', { id: 'pages-heading' }, t('pagesHeading'), ' ',
      el('span', { class: 'page-count', id: 'page-count', text: r.pageCount > 0 ? countOf(r.pageCount, 'pages1', 'pagesN') : '' })),
    toolbar, area);
}
