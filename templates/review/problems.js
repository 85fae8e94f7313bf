// A draft's problems as an editor reads them: where (line, column, file), the offending source line with a
// marker under the column, and the sentence saying what to do.
import { el } from './dom.js';
import { t, countOf } from './labels.js';
import { splitLines } from './diff.js';

export function problemsList(diagnostics, sourceFile, sourceText, headingLevel = 4) {
  const lines = sourceText === null || sourceText === undefined ? null : splitLines(sourceText);
  const items = diagnostics.map(d => {
    const sameFile = !d.file || d.file === sourceFile;
    const sourceLine = sameFile && lines && d.line >= 1 && d.line <= lines.length ? lines[d.line - 1] : null;
    return el('li', { class: `problem severity-${d.severity}` },
      el('p', { class: 'problem-where' },
        el('span', { class: 'problem-severity', text: t(`severity_${d.severity}`) }), ' ',
        el('strong', { text: t('line', { line: d.line, column: d.column }) }),
        sameFile ? '' : ` (${t('inFile', { file: d.file })})`, ' ',
        el('code', { class: 'problem-code', text: d.code })),
      sourceLine === null ? null : el('pre', { class: 'problem-source', tabindex: '0' },
        el('code', {}, el('span', { class: 'line-number', 'aria-hidden': 'true', text: `${d.line} │ ` }), sourceLine || ' '),
        d.column >= 1 ? el('span', { class: 'caret', 'aria-hidden': 'true', text: `${' '.repeat(String(d.line).length + 3 + d.column - 1)}^` }) : null),
      el('p', { class: 'problem-message', text: d.message }));
  });
  // A plain block, not a landmark: the upload's answer and the revision can both show problems at once.
  return el('div', { class: 'problems' },
    el(`h${headingLevel}`, { text: `${t('problemsHeading')} (${countOf(diagnostics.length, 'problemCount1', 'problemCountN')})` }),
    el('ol', { class: 'problem-list' }, items));
}
