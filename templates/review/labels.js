// Every word the desk shows, in English and Hungarian. Placeholders are {name}. The API answers its problems in
// the same language (the desk sends Accept-Language); a paper's own problems (HP codes) are the checker's words.
const en = {
  skipToContent: 'Skip to content', brand: 'HIIA Perspectives', deskTitle: 'Review desk', account: 'Account',
  switchUser: 'Switch user', signOut: 'Sign out', signIn: 'Sign in',
  signInHeading: 'Sign in to use the review desk',
  noRoleHeading: 'Your account has no editorial role',
  noRoleDetail: 'Drafts are visible to editors and copy editors; ask an administrator to give you the Editor or CopyEditor role.',
  loading: 'Loading…', roleEditor: 'Editor', roleCopyEditor: 'Copy editor',
  waiting1: '1 paper waits for you', waitingN: '{n} papers wait for you',
  uploadHeading: 'Upload a draft', uploadChoose: "The draft's .md file and its images",
  uploadHint: 'Choose them together, or drop them here. At most 2 MB in all.', chosenFiles: 'Chosen files',
  uploadButton: 'Upload', uploading: 'Uploading and checking…',
  uploadNeedsOneMarkdown: 'Choose exactly one .md file (and its images).',
  uploadTooLarge: 'The files add up to {size}; a draft with its images is at most 2 MB. Make the images smaller.',
  uploadUnsupported: '{name} is not a .md, .png or .jpg file; leave it out.',
  uploadAccepted: 'Uploaded. The pages are being typeset; they appear under the paper.',
  uploadProblems: 'The draft was not accepted: {count} to fix. Correct the file and upload it again.',
  uploadRefused: 'The upload was refused: {detail}',
  uploadUnreadable: 'A chosen file changed or cannot be read any more; choose the files again.',
  problemCount1: '1 problem', problemCountN: '{n} problems',
  papersHeading: 'Papers', filterLabel: 'Show', filterAll: 'All papers', filterMine: 'Waiting for me', noPapers: 'No papers yet.',
  noPapersInState: 'No papers in this state.', noPaperChosen: 'No paper chosen',
  pickPaper: 'Pick a paper from the list to see its pages, what changed, and its history.',
  status_review: 'Waiting for review', status_changes: 'Sent back', status_problems: 'Has problems', status_failed: 'Failed',
  status_rendering: 'Typesetting', status_publishing: 'Publishing', status_published: 'Published',
  publishedOn: 'Published {date}', waitsCopyEditor: 'waits for a copy editor', waitsEditor: 'waits for the editor',
  revisionsHeading: 'Revisions', revisionN: 'Revision {n}', latest: 'latest',
  uploadedBy: 'uploaded by {name}, {when}',
  state_uploaded: 'Uploaded', state_invalid: 'Has problems', state_queued: 'Waiting to typeset', state_rendering: 'Typesetting',
  state_rendered: 'Ready for review', 'state_changes-requested': 'Sent back', state_approved: 'Approved, publishing',
  state_published: 'Published', state_failed: 'Failed', state_superseded: 'Superseded by a newer revision',
  renderingNow: 'The pages are being typeset. This page updates by itself.',
  publishingNow: 'Approved. The paper is being published; this page updates by itself.',
  publishedNote: 'Published on the public site.', readPublished: 'Read it on the public site',
  failedNote: 'Typesetting or publishing failed: {reason} Upload the draft again to retry.',
  problemsHeading: 'Problems to fix', line: 'Line {line}, column {column}', inFile: 'in {file}',
  severity_error: 'Error', severity_warning: 'Warning',
  pagesHeading: 'Pages', pages1: '1 page', pagesN: '{n} pages', pageOf: 'Page {n} of {total}',
  pagesArea: 'Pages of revision {n}. Arrow keys, Page Up and Page Down move between pages; + and − zoom.',
  zoomIn: 'Zoom in', zoomOut: 'Zoom out', fitWidth: 'Fit width', zoomLevel: 'Zoom {percent}%',
  previewLoading: 'Drawing the pages…', previewFailed: 'The pages could not be drawn: {detail}',
  viewerMissing: 'The page viewer (PDF.js) is not installed with this app; run scripts/install-deps.sh.',
  pdfHash: 'PDF SHA-256 {hash}', pdfHashTitle: 'SHA-256 of the PDF drawn here; an approval names exactly these bytes: {hash}',
  changesHeading: 'What changed', comparedWith: 'Compared with revision {n} ({state}).', firstRevision: 'This is the first revision that rendered; there is nothing to compare it with.',
  textChangesHeading: 'Text', pageChangesHeading: 'Pages',
  fieldChanged: '{field} changed from “{from}” to “{to}”.', fieldAdded: '{field} added: “{to}”.', fieldRemoved: '{field} removed (was “{from}”).',
  blockChanged: 'Changed', blockAdded: 'Added', blockRemoved: 'Removed', unchangedBlocks1: '1 unchanged block', unchangedBlocksN: '{n} unchanged blocks',
  wordsAdded: 'added', wordsRemoved: 'removed', unchangedWords: '… {n} unchanged words …',
  textSame: 'The text is unchanged.', textUnavailable: 'The text could not be compared: {detail}',
  comparingPages: 'Comparing the pages…', pagesSame: 'No page looks different.',
  pagesChanged1: 'page {list} changed', pagesChangedN: 'pages {list} changed',
  pagesAdded1: 'page {list} added', pagesAddedN: 'pages {list} added', pagesRemoved1: 'page {list} removed', pagesRemovedN: 'pages {list} removed',
  pageBefore: 'Page {n}, revision {revision}', pageAfter: 'Page {n}, revision {revision}, changes marked',
  historyHeading: 'History', historyEmpty: 'Nothing has happened yet.',
  event_uploaded: 'Revision {n} uploaded by {by}', 'event_problems-found': 'Revision {n}: {problems} found',
  event_rendered: 'Revision {n} typeset: {pages}', 'event_sent-back': 'Revision {n} sent back by {by}',
  event_replied: '{by} replied about revision {n}', event_approved: 'Revision {n} approved by {by} (PDF SHA-256 {hash})',
  event_published: 'Revision {n} published', event_failed: 'Revision {n} failed: {reason}',
  event_superseded: 'Revision {n} not published: a revision uploaded later was approved, and the site shows the newest approved one',
  replyLabel: 'Your answer to the copy editor', replyButton: 'Send reply', replyNeeded: 'Write your answer first.', replySent: 'Reply sent.',
  reviewHeading: 'Decision', approve: 'Approve and publish', requestChanges: 'Request changes',
  commentLabel: 'Comment for the editor', commentHint: 'Say what should change; the editor sees it in the history.',
  commentNeeded: 'Write a comment saying what should change.',
  fourEyes: 'You uploaded this revision, so you cannot approve it or send it back yourself: the four-eyes rule means another copy editor must review it.',
  notHead: 'Revision {n} is newer; review that one.', openNewest: 'Open revision {n}',
  editorOnlyNote: 'A copy editor reviews this revision; their decision appears here and in the history.',
  noDecision: 'Nothing to decide on this revision.',
  confirmHeading: 'Publish this revision?', confirmText: 'Publish revision {n} of “{title}” to the public site? Readers will see it at {url}.',
  confirmPublish: 'Publish', cancel: 'Cancel',
  approvedMessage: 'Approved. Publishing has started.', publishedMessage: 'Published.', changesRequestedMessage: 'Sent back to the editor with your comment.',
  refused: '{title}: {detail}', networkError: 'The server could not be reached; check the connection and try again.',
  block_title: 'title', block_subtitle: 'subtitle', block_date: 'date', block_language: 'language', block_authors: 'authors',
  'block_copy editors': 'copy editors', block_keywords: 'keywords', block_series: 'series', block_cover: 'cover', block_abstract: 'abstract',
  block_section: 'section {n}', block_subsection: 'subsection', block_paragraph: 'paragraph in section {n}', 'block_list item': 'list item',
  block_quotation: 'quotation', block_figure: 'figure', block_table: 'table', block_note: 'note {n}',
  justNow: 'just now',
};

const hu = {
  skipToContent: 'Ugrás a tartalomra', brand: 'Magyar Külügyi Intézet · MKI Nézőpont', deskTitle: 'Szerkesztőségi asztal', account: 'Fiók',
  switchUser: 'Másik felhasználó', signOut: 'Kijelentkezés', signIn: 'Bejelentkezés',
  signInHeading: 'A szerkesztőségi asztal használatához jelentkezzen be',
  noRoleHeading: 'A fiókjának nincs szerkesztői szerepköre',
  noRoleDetail: 'A kéziratokat szerkesztők és olvasószerkesztők látják; kérje egy rendszergazdától az Editor vagy a CopyEditor szerepkört.',
  loading: 'Betöltés…', roleEditor: 'Szerkesztő', roleCopyEditor: 'Olvasószerkesztő',
  waiting1: '1 tanulmány vár Önre', waitingN: '{n} tanulmány vár Önre',
  uploadHeading: 'Kézirat feltöltése', uploadChoose: 'A kézirat .md fájlja és képei',
  uploadHint: 'Válassza ki őket egyszerre, vagy húzza ide őket. Összesen legfeljebb 2 MB.', chosenFiles: 'Kiválasztott fájlok',
  uploadButton: 'Feltöltés', uploading: 'Feltöltés és ellenőrzés…',
  uploadNeedsOneMarkdown: 'Pontosan egy .md fájlt válasszon (a képeivel együtt).',
  uploadTooLarge: 'A fájlok együtt {size} méretűek; egy kézirat a képeivel legfeljebb 2 MB lehet. Kicsinyítse a képeket.',
  uploadUnsupported: '{name} nem .md, .png vagy .jpg fájl; hagyja ki.',
  uploadAccepted: 'Feltöltve. Az oldalak szedése folyamatban; a tanulmánynál jelennek meg.',
  uploadProblems: 'A kézirat nem fogadható el: {count} javítandó. Javítsa a fájlt, és töltse fel újra.',
  uploadRefused: 'A feltöltés elutasítva: {detail}',
  uploadUnreadable: 'Egy kiválasztott fájl megváltozott vagy nem olvasható; válassza ki újra a fájlokat.',
  problemCount1: '1 hiba', problemCountN: '{n} hiba',
  papersHeading: 'Tanulmányok', filterLabel: 'Szűrés', filterAll: 'Minden tanulmány', filterMine: 'Rám vár', noPapers: 'Még nincs tanulmány.',
  noPapersInState: 'Ebben az állapotban nincs tanulmány.', noPaperChosen: 'Nincs kiválasztott tanulmány',
  pickPaper: 'Válasszon egy tanulmányt a listából az oldalai, a változásai és az előzményei megtekintéséhez.',
  status_review: 'Bírálatra vár', status_changes: 'Visszaküldve', status_problems: 'Hibás', status_failed: 'Sikertelen',
  status_rendering: 'Szedés folyamatban', status_publishing: 'Megjelenés folyamatban', status_published: 'Megjelent',
  publishedOn: 'Megjelent: {date}', waitsCopyEditor: 'olvasószerkesztőre vár', waitsEditor: 'a szerkesztőre vár',
  revisionsHeading: 'Változatok', revisionN: '{n}. változat', latest: 'legutóbbi',
  uploadedBy: 'feltöltötte: {name}, {when}',
  state_uploaded: 'Feltöltve', state_invalid: 'Hibás', state_queued: 'Szedésre vár', state_rendering: 'Szedés folyamatban',
  state_rendered: 'Bírálatra kész', 'state_changes-requested': 'Visszaküldve', state_approved: 'Jóváhagyva, megjelenés folyamatban',
  state_published: 'Megjelent', state_failed: 'Sikertelen', state_superseded: 'Újabb változat váltotta fel',
  renderingNow: 'Az oldalak szedése folyamatban. Az oldal magától frissül.',
  publishingNow: 'Jóváhagyva. A tanulmány megjelentetése folyamatban; az oldal magától frissül.',
  publishedNote: 'Megjelent a nyilvános oldalon.', readPublished: 'Elolvasom a nyilvános oldalon',
  failedNote: 'A szedés vagy a megjelentetés sikertelen: {reason} Töltse fel újra a kéziratot.',
  problemsHeading: 'Javítandó hibák', line: '{line}. sor, {column}. oszlop', inFile: 'fájl: {file}',
  severity_error: 'Hiba', severity_warning: 'Figyelmeztetés',
  pagesHeading: 'Oldalak', pages1: '1 oldal', pagesN: '{n} oldal', pageOf: '{n}. oldal / {total}',
  pagesArea: 'A(z) {n}. változat oldalai. A nyilakkal, a Page Up és Page Down billentyűvel lapozhat; a + és − nagyít és kicsinyít.',
  zoomIn: 'Nagyítás', zoomOut: 'Kicsinyítés', fitWidth: 'Szélességhez igazítás', zoomLevel: 'Nagyítás: {percent}%',
  previewLoading: 'Az oldalak megrajzolása…', previewFailed: 'Az oldalak nem rajzolhatók meg: {detail}',
  viewerMissing: 'Az oldalmegjelenítő (PDF.js) nincs telepítve az alkalmazással; futtassa a scripts/install-deps.sh parancsot.',
  pdfHash: 'PDF SHA-256 {hash}', pdfHashTitle: 'Az itt megrajzolt PDF SHA-256 ujjlenyomata; a jóváhagyás pontosan ezekre a bájtokra szól: {hash}',
  changesHeading: 'Mi változott', comparedWith: 'Összehasonlítva a(z) {n}. változattal ({state}).', firstRevision: 'Ez az első kiszedett változat; nincs mivel összehasonlítani.',
  textChangesHeading: 'Szöveg', pageChangesHeading: 'Oldalak',
  fieldChanged: '{field}: „{from}” helyett „{to}”.', fieldAdded: '{field} új: „{to}”.', fieldRemoved: '{field} törölve (korábban: „{from}”).',
  blockChanged: 'Módosult', blockAdded: 'Új', blockRemoved: 'Törölve', unchangedBlocks1: '1 változatlan bekezdés', unchangedBlocksN: '{n} változatlan bekezdés',
  wordsAdded: 'új', wordsRemoved: 'törölve', unchangedWords: '… {n} változatlan szó …',
  textSame: 'A szöveg nem változott.', textUnavailable: 'A szöveg nem hasonlítható össze: {detail}',
  comparingPages: 'Az oldalak összehasonlítása…', pagesSame: 'Egyik oldal sem néz ki másképp.',
  pagesChanged1: 'a(z) {list}. oldal változott', pagesChangedN: 'a(z) {list}. oldal változott',
  pagesAdded1: 'a(z) {list}. oldal új', pagesAddedN: 'a(z) {list}. oldal új', pagesRemoved1: 'a(z) {list}. oldal törölve', pagesRemovedN: 'a(z) {list}. oldal törölve',
  pageBefore: '{n}. oldal, {revision}. változat', pageAfter: '{n}. oldal, {revision}. változat, a változások megjelölve',
  historyHeading: 'Előzmények', historyEmpty: 'Még nem történt semmi.',
  event_uploaded: 'A(z) {n}. változatot feltöltötte: {by}', 'event_problems-found': '{n}. változat: {problems}',
  event_rendered: 'A(z) {n}. változat kiszedve: {pages}', 'event_sent-back': 'A(z) {n}. változatot visszaküldte: {by}',
  event_replied: '{by} válaszolt ({n}. változat)', event_approved: 'A(z) {n}. változatot jóváhagyta: {by} (PDF SHA-256 {hash})',
  event_published: 'A(z) {n}. változat megjelent', event_failed: 'A(z) {n}. változat sikertelen: {reason}',
  event_superseded: 'A(z) {n}. változat nem jelent meg: egy később feltöltött változatot hagytak jóvá, és a webhely a legújabb jóváhagyottat mutatja',
  replyLabel: 'Válasza az olvasószerkesztőnek', replyButton: 'Válasz küldése', replyNeeded: 'Előbb írja meg a válaszát.', replySent: 'Válasz elküldve.',
  reviewHeading: 'Döntés', approve: 'Jóváhagyás és megjelentetés', requestChanges: 'Javítást kérek',
  commentLabel: 'Megjegyzés a szerkesztőnek', commentHint: 'Írja le, min kell változtatni; a szerkesztő az előzményekben látja.',
  commentNeeded: 'Írja le megjegyzésben, min kell változtatni.',
  fourEyes: 'Ezt a változatot Ön töltötte fel, ezért nem hagyhatja jóvá és nem küldheti vissza: a négy szem elve szerint egy másik olvasószerkesztőnek kell bírálnia.',
  notHead: 'A(z) {n}. változat újabb; azt bírálja.', openNewest: 'A(z) {n}. változat megnyitása',
  editorOnlyNote: 'Ezt a változatot egy olvasószerkesztő bírálja; döntését itt és az előzményekben látja majd.',
  noDecision: 'Ebben a változatban nincs mit eldönteni.',
  confirmHeading: 'Megjelenteti ezt a változatot?', confirmText: 'Megjelenteti a(z) „{title}” {n}. változatát a nyilvános oldalon? Az olvasók itt látják majd: {url}.',
  confirmPublish: 'Megjelentetés', cancel: 'Mégse',
  approvedMessage: 'Jóváhagyva. A megjelentetés elindult.', publishedMessage: 'Megjelent.', changesRequestedMessage: 'Visszaküldve a szerkesztőnek a megjegyzésével.',
  refused: '{title}: {detail}', networkError: 'A szerver nem érhető el; ellenőrizze a kapcsolatot, és próbálja újra.',
  block_title: 'cím', block_subtitle: 'alcím', block_date: 'dátum', block_language: 'nyelv', block_authors: 'szerzők',
  'block_copy editors': 'olvasószerkesztők', block_keywords: 'kulcsszavak', block_series: 'sorozat', block_cover: 'borító', block_abstract: 'összefoglaló',
  block_section: '{n}. fejezet', block_subsection: 'alfejezet', block_paragraph: 'bekezdés a(z) {n}. fejezetben', 'block_list item': 'listaelem',
  block_quotation: 'idézet', block_figure: 'ábra', block_table: 'táblázat', block_note: '{n}. jegyzet',
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
  return n === 1 ? t(oneKey, { n }) : t(manyKey, { n });
}

/** Fills every element marked data-label (text) or data-label-aria (aria-label) in the static page. */
export function applyLabels(root) {
  document.documentElement.lang = language;
  for (const element of root.querySelectorAll('[data-label]')) element.textContent = t(element.dataset.label);
  for (const element of root.querySelectorAll('[data-label-aria]')) element.setAttribute('aria-label', t(element.dataset.labelAria));
  document.title = `${t('deskTitle')} · ${t('brand')}`;
}
