// Small DOM helpers: elements are built with textContent only (never HTML from data), and a re-render keeps
// keyboard focus on the element with the same data-key, so polling never throws a keyboard user out.
import { t } from './labels.js';

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false)
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

export function replaceChildrenKeepingFocus(container, children) {
  const focused = document.activeElement;
  const key = focused && container.contains(focused) ? focused.dataset.key : undefined;
  container.replaceChildren(...children);
  if (key) container.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

export function shortRevision(revision) { return revision ? revision.slice(0, 8) : ''; }

export function stateBadge(state) {
  return el('span', { class: `badge state-${state}`, text: t(`state_${state}`) });
}

export function when(iso, language) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
