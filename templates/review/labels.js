// Every word the desk shows, in English and Hungarian. Placeholders are {name}; the API's own sentences
// (problems, refusals) arrive in English and are shown as they are.
const en = {
  skipToContent: 'Skip to content', brand: 'HIIA Perspectives', deskTitle: 'Review desk',
  switchUser: 'Switch user', signOut: 'Sign out', signIn: 'Sign in',
  signInHeading: 'Sign in to use the review desk',
  noRoleHeading: 'Your account has no editorial role',
  noRoleDetail: 'Drafts are visible to editors and copy editors; ask an administrator to give you the Editor or CopyEditor role.',
  loading: 'Loading…', roleEditor: 'Editor', roleCopyEditor: 'Copy editor',
  uploadHeading: 'Upload a draft', uploadChoose: "The draft's .md file and its images",
  uploadHint: 'Choose them together, or drop them here. At most 2 MB in all.', chosenFiles: 'Chosen files',
  uploadButton: 'Upload', uploading: 'Uploading and checking…',
  uploadNeedsOneMarkdown: 'Choose exactly one .md file (and its images).',
  uploadTooLarge: 'The files add up to {size}; a draft with its images is at most 2 MB. Make the images smaller.',
  uploadUnsupported: '{name} is not a .md, .png or .jpg file; leave it out.',
  uploadAccepted: 'Uploaded as revision {revision}. The preview is being rendered; it appears under the paper.',
  uploadProblems: 'The draft was not accepted: {count} to fix. Correct the file and upload it again.',
  uploadRefused: 'The upload was refused: {detail}',
  uploadUnreadable: 'A chosen file changed or cannot be read any more; choose the files again.',
  problemCount1: '1 problem', problemCountN: '{n} problems',
  papersHeading: 'Papers', filterLabel: 'Show', filterAll: 'All papers', noPapers: 'No papers yet.',
  noPapersInState: 'No papers in this state.',
  pickPaper: 'Pick a paper from the list to see its revisions, preview and review.',
  revisionsHeading: 'Revisions', revision: 'Revision {revision}', latest: 'latest',
  uploadedBy: 'uploaded by {name}, {when}', reviewedBy: 'reviewed by {name}',
  state_uploaded: 'Uploaded', state_invalid: 'Has problems', state_queued: 'Waiting to render', state_rendering: 'Rendering',
  state_rendered: 'Ready for review', 'state_changes-requested': 'Changes requested', state_approved: 'Approved, publishing',
  state_published: 'Published', state_failed: 'Failed', state_superseded: 'Superseded by a newer revision',
  renderingNow: 'The preview is being rendered. This page updates by itself.',
  publishingNow: 'Approved. The paper is being published; this page updates by itself.',
  publishedNote: 'Published on the public site.',
  failedNote: 'Rendering or publishing failed: {reason} Upload the draft again to retry.',
  problemsHeading: 'Problems to fix', line: 'Line {line}, column {column}', inFile: 'in {file}',
  severity_error: 'Error', severity_warning: 'Warning',
  previewHeading: 'Preview', pages1: '1 page', pagesN: '{n} pages', previewTitle: 'Preview PDF of {title}',
  openPdf: 'Open the PDF in a new tab', previewLoading: 'Loading the preview…',
  previewFailed: 'The preview could not be loaded: {detail}',
  changesHeading: 'Changes since the previous revision', firstRevision: 'This is the first revision.',
  pagesAdded: '{n} more pages than revision {revision} ({from} → {to}).', pageAdded: '1 more page than revision {revision} ({from} → {to}).',
  pagesRemoved: '{n} fewer pages than revision {revision} ({from} → {to}).', pageRemoved: '1 page fewer than revision {revision} ({from} → {to}).',
  pagesSame: 'Same number of pages as revision {revision} ({to}).',
  diffSummary: 'Source text: {added} lines added, {removed} removed.', diffNone: 'The source text is unchanged.',
  diffTooLarge: 'The texts are too different to compare line by line.',
  diffAdded: 'added', diffRemoved: 'removed', diffSkipped: '{n} unchanged lines',
  commentHeading: 'Comment from the copy editor', commentBy: '{name} asked for changes:',
  reviewHeading: 'Review', approve: 'Approve and publish', requestChanges: 'Request changes',
  commentLabel: 'Comment for the editor', commentHint: 'Say what should change; the editor sees this with the revision.',
  commentNeeded: 'Write a comment saying what should change.',
  fourEyes: 'You uploaded this revision, so you cannot approve it or send it back yourself: the four-eyes rule means another copy editor must review it.',
  notHead: 'A newer revision of this paper exists; review the latest one.',
  editorOnlyNote: 'A copy editor reviews this revision; you will see their decision here.',
  approvedMessage: 'Approved. Publishing has started.', changesRequestedMessage: 'Sent back to the editor with your comment.',
  refused: '{title}: {detail}', networkError: 'The server could not be reached; check the connection and try again.',
  justNow: 'just now',
};

const hu = {
  skipToContent: 'Ugrás a tartalomra', brand: 'MKI Nézőpont', deskTitle: 'Szerkesztőségi asztal',
  switchUser: 'Másik felhasználó', signOut: 'Kijelentkezés', signIn: 'Bejelentkezés',
  signInHeading: 'A szerkesztőségi asztal használatához jelentkezzen be',
  noRoleHeading: 'A fiókjának nincs szerkesztői szerepköre',
  noRoleDetail: 'A kéziratokat szerkesztők és olvasószerkesztők látják; kérje egy rendszergazdától az Editor vagy a CopyEditor szerepkört.',
  loading: 'Betöltés…', roleEditor: 'Szerkesztő', roleCopyEditor: 'Olvasószerkesztő',
  uploadHeading: 'Kézirat feltöltése', uploadChoose: 'A kézirat .md fájlja és képei',
  uploadHint: 'Válassza ki őket egyszerre, vagy húzza ide őket. Összesen legfeljebb 2 MB.', chosenFiles: 'Kiválasztott fájlok',
  uploadButton: 'Feltöltés', uploading: 'Feltöltés és ellenőrzés…',
  uploadNeedsOneMarkdown: 'Pontosan egy .md fájlt válasszon (a képeivel együtt).',
  uploadTooLarge: 'A fájlok együtt {size} méretűek; egy kézirat a képeivel legfeljebb 2 MB lehet. Kicsinyítse a képeket.',
  uploadUnsupported: '{name} nem .md, .png vagy .jpg fájl; hagyja ki.',
  uploadAccepted: 'Feltöltve, {revision} változatként. Az előnézet szedése folyamatban; a tanulmánynál jelenik meg.',
  uploadProblems: 'A kézirat nem fogadható el: {count} javítandó. Javítsa a fájlt, és töltse fel újra.',
  uploadRefused: 'A feltöltés elutasítva: {detail}',
  uploadUnreadable: 'Egy kiválasztott fájl megváltozott vagy nem olvasható; válassza ki újra a fájlokat.',
  problemCount1: '1 hiba', problemCountN: '{n} hiba',
  papersHeading: 'Tanulmányok', filterLabel: 'Szűrés', filterAll: 'Minden tanulmány', noPapers: 'Még nincs tanulmány.',
  noPapersInState: 'Ebben az állapotban nincs tanulmány.',
  pickPaper: 'Válasszon egy tanulmányt a listából a változatok, az előnézet és a bírálat megtekintéséhez.',
  revisionsHeading: 'Változatok', revision: '{revision} változat', latest: 'legutóbbi',
  uploadedBy: 'feltöltötte: {name}, {when}', reviewedBy: 'bírálta: {name}',
  state_uploaded: 'Feltöltve', state_invalid: 'Hibás', state_queued: 'Szedésre vár', state_rendering: 'Szedés folyamatban',
  state_rendered: 'Bírálatra kész', 'state_changes-requested': 'Javítást kértek', state_approved: 'Jóváhagyva, megjelenés folyamatban',
  state_published: 'Megjelent', state_failed: 'Sikertelen', state_superseded: 'Újabb változat váltotta fel',
  renderingNow: 'Az előnézet szedése folyamatban. Az oldal magától frissül.',
  publishingNow: 'Jóváhagyva. A tanulmány megjelentetése folyamatban; az oldal magától frissül.',
  publishedNote: 'Megjelent a nyilvános oldalon.',
  failedNote: 'A szedés vagy a megjelentetés sikertelen: {reason} Töltse fel újra a kéziratot.',
  problemsHeading: 'Javítandó hibák', line: '{line}. sor, {column}. oszlop', inFile: 'fájl: {file}',
  severity_error: 'Hiba', severity_warning: 'Figyelmeztetés',
  previewHeading: 'Előnézet', pages1: '1 oldal', pagesN: '{n} oldal', previewTitle: '{title} – előnézet (PDF)',
  openPdf: 'A PDF megnyitása új lapon', previewLoading: 'Az előnézet betöltése…',
  previewFailed: 'Az előnézet nem tölthető be: {detail}',
  changesHeading: 'Változások az előző változathoz képest', firstRevision: 'Ez az első változat.',
  pagesAdded: '{n} oldallal hosszabb, mint a(z) {revision} változat ({from} → {to}).', pageAdded: '1 oldallal hosszabb, mint a(z) {revision} változat ({from} → {to}).',
  pagesRemoved: '{n} oldallal rövidebb, mint a(z) {revision} változat ({from} → {to}).', pageRemoved: '1 oldallal rövidebb, mint a(z) {revision} változat ({from} → {to}).',
  pagesSame: 'Ugyanannyi oldal, mint a(z) {revision} változatban ({to}).',
  diffSummary: 'Forrásszöveg: {added} sor új, {removed} sor törölve.', diffNone: 'A forrásszöveg nem változott.',
  diffTooLarge: 'A két szöveg soronként nem hasonlítható össze, túlságosan eltér.',
  diffAdded: 'új', diffRemoved: 'törölve', diffSkipped: '{n} változatlan sor',
  commentHeading: 'Az olvasószerkesztő megjegyzése', commentBy: '{name} javítást kért:',
  reviewHeading: 'Bírálat', approve: 'Jóváhagyás és megjelentetés', requestChanges: 'Javítást kérek',
  commentLabel: 'Megjegyzés a szerkesztőnek', commentHint: 'Írja le, min kell változtatni; a szerkesztő a változatnál látja.',
  commentNeeded: 'Írja le megjegyzésben, min kell változtatni.',
  fourEyes: 'Ezt a változatot Ön töltötte fel, ezért nem hagyhatja jóvá és nem küldheti vissza: a négy szem elve szerint egy másik olvasószerkesztőnek kell bírálnia.',
  notHead: 'A tanulmánynak van újabb változata; a legutóbbit bírálja.',
  editorOnlyNote: 'Ezt a változatot egy olvasószerkesztő bírálja; döntését itt látja majd.',
  approvedMessage: 'Jóváhagyva. A megjelentetés elindult.', changesRequestedMessage: 'Visszaküldve a szerkesztőnek a megjegyzésével.',
  refused: '{title}: {detail}', networkError: 'A szerver nem érhető el; ellenőrizze a kapcsolatot, és próbálja újra.',
  justNow: 'az imént',
};

export const dictionaries = { en, hu };

/** Hungarian when the browser's ordered preferences put Hungarian before English; otherwise English. */
export function pickLanguage(preferences) {
  for (const tag of preferences || []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary === 'hu' || primary === 'en') return primary;
  }
  return 'en';
}

export const language = pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
const words = dictionaries[language];

export function t(key, values = {}) {
  const text = words[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

export function countOf(n, oneKey, manyKey) {
  return n === 1 ? t(oneKey) : t(manyKey, { n });
}

/** Fills every element marked data-label (text) or data-label-aria (aria-label) in the static page. */
export function applyLabels(root) {
  document.documentElement.lang = language;
  for (const element of root.querySelectorAll('[data-label]')) element.textContent = t(element.dataset.label);
  for (const element of root.querySelectorAll('[data-label-aria]')) element.setAttribute('aria-label', t(element.dataset.labelAria));
  document.title = `${t('deskTitle')} · ${t('brand')}`;
}
