// The site's search index as the search page sees it, published as assets/search/pagefind.js: Pagefind's base index
// (pagefind/) with the segments that publishes added since the last full index (named in pagefind-segments.json)
// merged in, and the results a later segment supersedes left out, so a corrected paper is found by its new words
// only. PagefindUI is pointed here (its bundlePath) and imports this file as if it were Pagefind's own pagefind.js;
// the search page imports it as soon as it opens, so Pagefind's start (WebAssembly, entries, metadata) is over
// before the first query.
import * as pagefind from "../../pagefind/pagefind.js";

const root = new URL("../../", import.meta.url);
// Only what HiiaPublish writes: a numbered folder under pagefind-segments/ and fragment ids.
const segmentBundle = /^pagefind-segments\/[0-9]+\/$/;
const fragmentId = /^[a-z0-9_-]+$/i;
const warmUpWord = "hiiawarmupqzx";
// The answers kept per index (the last few terms asked or guessed), and how long a term must stay the one the reader
// typed last before it is guessed: PagefindUI asks for results 300 ms after the last keystroke, and a word in half of
// 5,000 papers takes Pagefind 30–60 ms to score and its first results' data 20–50 ms to fetch (docs/performance.md).
const answersKept = 8;
const guessAfterMs = 150;
// How many results' data a guess fetches ahead: PagefindUI shows five results at first.
const resultsShownFirst = 5;
let chosenOptions = {};
let latestPreload = 0;
let guessing = null;
let current = start();

function start() {
  const instance = pagefind.createInstance({ basePath: new URL("pagefind/", root).href });
  const dropped = new Set();
  const answers = new Map();
  const ready = (async () => {
    await instance.init();
    await instance.options(chosenOptions);
    const segments = await listedSegments();
    // A segment the manifest names but the site does not have (deleted by a fold after this page read the
    // manifest, or never copied to a mirror) is left out: the page searches what exists.
    // A segment without a bundle only withdraws papers: nothing to merge, its drops still apply.
    const present = await Promise.all(segments.map(async (segment) => (segment.bundle === null || (await exists(segment.bundle)) ? segment : null)));
    await Promise.all(present.filter(Boolean).map(async (segment) => {
      if (segment.bundle !== null) await instance.mergeIndex(new URL(segment.bundle, root).href, { language: "en" });
      for (const id of segment.drop) dropped.add(id);
    }));
    // Searches nobody sees: a word no paper has runs every index's search code once (WebAssembly compiled, word
    // segmenter built, an index chunk of each fetched and unpacked), and one page's data is loaded the way a result's
    // is; the reader's first query would otherwise pay for both (~0.1–0.2 s at 5,000 papers; docs/performance.md).
    // A warm-up that fails costs nothing but the time it saves.
    try {
      await instance.search(warmUpWord);
      const any = await instance.search(null);
      if (any && any.results && any.results.length > 0) await any.results[0].data();
    } catch {
      // the reader's first query starts cold
    }
  })();
  return { instance, dropped, answers, ready };
}

// One search per term and options in an index: the reader's search finds the answer that a guess made while they
// paused (or an earlier ask of the same words) instead of scoring every matching page again. A failed search is not
// kept, so asking again searches again.
function answer(state, term, chosen) {
  const key = JSON.stringify([term, chosen ?? {}]);
  const known = state.answers.get(key);
  if (known) {
    state.answers.delete(key);
    state.answers.set(key, known);
    return known;
  }
  const pending = state.instance.search(term, chosen).then((response) => kept(response, state.dropped));
  pending.catch(() => {
    if (state.answers.get(key) === pending) state.answers.delete(key);
  });
  state.answers.set(key, pending);
  while (state.answers.size > answersKept) state.answers.delete(state.answers.keys().next().value);
  return pending;
}

// PagefindUI preloads as the reader types and searches once they have paused for its debounce (300 ms). Pagefind's
// preload only fetches the word's index chunks; the scoring and the first results' data are what the reader then
// waits for. So a term that is still the last one typed after guessAfterMs is searched now, in Pagefind's worker, and
// its first results' data fetched; when PagefindUI asks, it gets that same answer (a search still running is
// awaited, not run twice). Pagefind's worker does one thing at a time, so only one guess runs at once: a reader who
// types on makes a guess that has started wait for nothing but itself, and a term typed past is not guessed after
// it. A guess that fails costs the reader nothing: their own search runs as it would have.
async function preloadAndGuess(term, chosen) {
  const asked = ++latestPreload;
  const since = Date.now();
  await withIndex((state) => state.instance.preload(term, chosen));
  const stillLatest = () => asked === latestPreload;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, guessAfterMs - (Date.now() - since))));
  while (guessing && stillLatest()) await guessing;
  if (!stillLatest()) return;
  const state = current;
  const guess = (async () => {
    try {
      await state.ready;
      if (!stillLatest() || state !== current) return;
      const response = await answer(state, term, chosen);
      if (stillLatest() && response && Array.isArray(response.results)) {
        await Promise.all(response.results.slice(0, resultsShownFirst).map((result) => result.data()));
      }
    } catch {
      // the reader's own search will ask again
    }
  })();
  guessing = guess;
  await guess;
  if (guessing === guess) guessing = null;
}

async function listedSegments() {
  try {
    const response = await fetch(new URL("pagefind-segments.json", root), { cache: "no-cache" });
    if (!response.ok) return [];
    const manifest = await response.json();
    if (!manifest || !Array.isArray(manifest.segments)) return [];
    return manifest.segments
      .filter((s) => s && (s.bundle === null || (typeof s.bundle === "string" && segmentBundle.test(s.bundle))))
      .map((s) => ({ bundle: s.bundle, drop: Array.isArray(s.drop) ? s.drop.filter((d) => typeof d === "string" && fragmentId.test(d)) : [] }));
  } catch {
    // No manifest (a site never updated after its first index) or an unreadable one: the base alone.
    return [];
  }
}

async function exists(bundle) {
  try {
    const response = await fetch(new URL(bundle + "pagefind-entry.json", root));
    return response.ok;
  } catch {
    return false;
  }
}

// One result per page version: a result a later segment superseded goes, and so does the second copy of a page a
// segment and a newer base both hold (the same content has the same fragment id).
function kept(response, dropped) {
  if (!response || !Array.isArray(response.results)) return response;
  const seen = new Set();
  const results = response.results.filter((result) => {
    if (dropped.has(result.id) || seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  });
  const removed = response.results.length - results.length;
  return { ...response, results, unfilteredResultCount: Math.max(0, (response.unfilteredResultCount || 0) - removed) };
}

// A file of the index may vanish while the page is open (a fold replaced the base): start again from the manifest,
// once, rather than leave the reader with a box that fails.
async function withIndex(call) {
  const state = current;
  try {
    await state.ready;
    return await call(state);
  } catch (error) {
    if (state === current) current = start();
    await current.ready;
    return await call(current);
  }
}

export async function options(chosen) {
  chosenOptions = { ...chosenOptions, ...chosen };
  await withIndex((state) => {
    state.answers.clear();
    return state.instance.options(chosenOptions);
  });
}

export const init = () => withIndex(() => undefined);
export const whenReady = init;
export const mergeIndex = (path, chosen) =>
  withIndex((state) => {
    state.answers.clear();
    return state.instance.mergeIndex(path, chosen);
  });
export const filters = () => withIndex((state) => state.instance.filters());
export const preload = preloadAndGuess;
export const search = (term, chosen) => withIndex((state) => answer(state, term, chosen));
export const debouncedSearch = (term, chosen, wait) =>
  withIndex(async (state) => kept(await state.instance.debouncedSearch(term, chosen, wait), state.dropped));
export const destroy = () => current.instance.destroy();
