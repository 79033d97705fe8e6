/* The words and page start of the practice scripts: the course's words from `#cq-strings` (CONTRACT.md),
   and a start that runs on every page, again after Material's instant navigation. Kept small and apart
   until the shared module of the other scripts can be imported in its place. */

let words = null;

const readWords = () => {
  try { words = JSON.parse(document.getElementById("cq-strings").textContent) || {}; } catch (e) { words = {}; }
};

/** Return the course's string `key` with `{name}` placeholders filled; `count` picks a plural form. */
export function t(key, vars = {}, count = 0) {
  if (!words) readWords();
  let text = words[key] || key;
  if (typeof text === "object") {
    text = text[new Intl.PluralRules(document.documentElement.lang || "en").select(count)] || text.other || key;
  }
  return String(text).replace(/\{(\w+)\}/g, (m, name) => (name in vars ? vars[name] : m));
}

/** Return a new element with properties and children. */
export function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Run `start` now and after each instant navigation (Material's document$, which replays the current page). */
export function onPage(start) {
  start();
  const follow = () => {
    let first = true;
    window.document$.subscribe(() => {
      if (first) { first = false; return; }
      readWords();
      start();
    });
  };
  if (window.document$) { follow(); return; }
  const wait = () => {
    if (!window.document$) return;
    document.removeEventListener("DOMContentLoaded", wait);
    follow();
  };
  document.addEventListener("DOMContentLoaded", wait);
}

/** Link the practice stylesheet once: only pages with practice load it, so other pages stay as light as before. */
export function useStyles() {
  const href = new URL("practice.css", import.meta.url).href;
  if ([...document.querySelectorAll("link[rel=stylesheet]")].some((link) => link.href === href)) return;
  document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href }));
}
