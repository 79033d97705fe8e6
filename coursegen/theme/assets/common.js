/* What the course's scripts share, as one ES module: the words, the saved progress (read through one
   checked reader), the progress mark, and starting on every page. Every page loads it (main.html); it
   loads the other modules where a page has their markup (CONTRACT.md, "Running"). Sends nothing. */
export const ROOT = new URL("../../", import.meta.url);
export const KEY = "cq:" + ROOT.pathname;
// The modules a page's markup names in `data-cq-module` (CONTRACT.md), a name or several with spaces
// between; each is fetched once, on the first page that names it. No other name is loaded.
const MODULES = ["quiz", "share", "progress", "program", "practice", "practice-page", "send", "keys", "inbox", "search"];
let words = {};

// The words come from the page (#cq-strings, CONTRACT.md); a plural string maps CLDR categories to forms.
export const t = (key, vars = {}, count = 0) => {
  let text = words[key] || key;
  if (typeof text === "object") text = text[new Intl.PluralRules(document.documentElement.lang || "en").select(count)] || text.other;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? vars[name] : m));
};

// Run `start` once on every page: at once, and after each instant navigation through Material's document$.
// The bundle that makes document$ loads on the reader's first touch (md-start.js), which then dispatches
// DOMContentLoaded again; document$'s first value is this page, already started, so it is skipped.
export const onPage = (start) => {
  const follow = (skip) => window.document$.subscribe(() => { if (skip) skip = false; else start(); });
  // A bundle that is already here (Zensical's) may not emit for a page whose fragment it cannot read as an
  // id (a program link): start this page at once, and follow only later navigations.
  if (window.document$) { start(); return void follow(true); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
  const wait = () => {
    if (!window.document$) return;
    document.removeEventListener("DOMContentLoaded", wait);
    follow(true);
  };
  document.addEventListener("DOMContentLoaded", wait);
};

// ---- The one reader of what the scripts keep: every value checked, a bad one dropped, never used. ----

export const isMap = (v) => !!v && typeof v === "object" && !Array.isArray(v);
const pick = (v, ok) => Object.fromEntries(isMap(v) ? Object.entries(v).filter(([, x]) => ok(x)) : []);
export const stored = (storage, key) => {
  try { return JSON.parse(window[storage].getItem(key)); } catch (e) { return null; } // blocked, or not JSON
};

// Saved progress: {read: {PATH: 1}, passed: {PATH: 0|1}, answers: {PATH: {QUESTION: {v: [...], ok}}}}.
const answer = (a) => isMap(a) && Array.isArray(a.v) && typeof a.ok === "boolean";
const checked = (m) => ({
  read: pick(m && m.read, (x) => x === 1),
  passed: pick(m && m.passed, (x) => x === 0 || x === 1),
  answers: Object.fromEntries(Object.entries(pick(m && m.answers, isMap)).map(([path, q]) => [path, pick(q, answer)])),
});
let memory = checked(null);
// This page's copy of the saved progress, read again with `fresh` (a new page, or another tab's change).
// Blocked storage keeps the page's own copy, so a quiz still scores; a broken entry reads as no progress.
export const saved = (fresh) => {
  try { if (fresh && localStorage) memory = checked(stored("localStorage", KEY)); } catch (e) { /* blocked */ }
  return memory;
};
export const save = () => {
  try { localStorage.setItem(KEY, JSON.stringify(memory)); } catch (e) { /* blocked or full: no memory */ }
};
export const forget = () => {
  memory = checked(null);
  try { localStorage.removeItem(KEY); } catch (e) { /* blocked: nothing was kept */ }
};

// ---- The one progress mark: a tick, with the state in words for screen readers. ----

export function mark(link) {
  const path = new URL(link.href, location).pathname;
  const state = memory.passed[path] ? "passed" : memory.read[path] ? "read" : "";
  let box = link.querySelector(".cq-mark");
  if (!state) return box && box.remove();
  if (!box) link.append((box = document.createElement("span")));
  box.className = "cq-mark";
  const sr = Object.assign(document.createElement("span"), { className: "cq-sr", textContent: ` (${t("state_" + state)})` });
  box.replaceChildren("\u2713", sr);
}

export const markNav = () => document.querySelectorAll(".md-nav__link[href]").forEach(mark);

onPage(() => {
  try { words = JSON.parse(document.getElementById("cq-strings").textContent); } catch (e) { words = {}; }
  saved(true);
  if (document.querySelector("[data-cq-page=lesson]")) { memory.read[location.pathname] = 1; save(); }
  markNav();
  document.querySelectorAll("[data-cq-module]").forEach((node) => {
    for (const name of node.dataset.cqModule.split(" ")) if (MODULES.includes(name)) import(`./${name}.js`);
  });
});
