/* Small pieces the page modules share (send.js, keys.js, inbox.js, practice.js, practice-page.js): the site
   root, storage, the page's own words, elements, QR codes, a page's own stylesheet, and starting on every page. An ES module: nothing on window. */

import { ROOT as SITE_ROOT } from "./common.js";

export { KEY, onPage } from "./common.js"; // the course's storage prefix, and starting on every page
export const ROOT = SITE_ROOT.href;

// Run `change` when this page's address changes without loading a page: a new fragment, back or forward,
// the same link opened again, and a same-page link that a bundle (Zensical's) follows with pushState,
// which fires no event. Each change runs it once.
export const onAddress = (change) => {
  let last = location.href;
  const check = (again) => {
    if (!again && location.href === last) return;
    last = location.href;
    change();
  };
  window.addEventListener("popstate", () => check(true));
  window.addEventListener("hashchange", () => check(false));
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a[href^='#']")) setTimeout(() => check(false));
  });
};

export function read(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key));
    return value == null ? fallback : value;
  } catch (e) {
    return fallback;
  }
}

export function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch (e) {
    return false; // storage blocked or full
  }
}

export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

// The words in a box's `data-cq-words` (CONTRACT.md): a plural entry maps CLDR categories to forms.
export function words(box) {
  let entries = {};
  try { entries = JSON.parse(box.getAttribute("data-cq-words")) || {}; } catch (e) { entries = {}; }
  const lang = document.documentElement.lang || "en";
  return (key, vars = {}, count) => {
    let text = entries[key] || key;
    if (typeof text === "object") text = text[new Intl.PluralRules(lang).select(count)] || text.other;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? vars[name] : m));
  };
}

export function el(tag, props, ...children) {
  const node = Object.assign(document.createElement(tag), props || {});
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const two = (n) => String(n).padStart(2, "0");
// One way to write a moment everywhere the trainer reads it (timeline, CSV): local time, sortable.
export function when(date) {
  const d = new Date(date);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export const today = (date) => new Date(date).toLocaleDateString(document.documentElement.lang || undefined);

let data = null;
export function course() {
  data = data || fetch(new URL("shared/course.json", ROOT)).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  return data;
}

// A QR code as SVG, drawn with DOM calls by the vendored encoder, loaded only when a code is drawn.
export async function qr(box, text, label) {
  const { default: qrcodegen } = await import(new URL("assets/coursegen/vendor/qrcodegen.js", ROOT).href);
  const code = qrcodegen.QrCode.encodeText(text, qrcodegen.QrCode.Ecc.MEDIUM);
  const NS = "http://www.w3.org/2000/svg";
  const size = code.size + 8;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("class", "cq-qr-code");
  const back = document.createElementNS(NS, "rect");
  back.setAttribute("width", size);
  back.setAttribute("height", size);
  back.setAttribute("fill", "#fff");
  let d = "";
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) if (code.getModule(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
  }
  const dark = document.createElementNS(NS, "path");
  dark.setAttribute("d", d);
  dark.setAttribute("fill", "#000");
  svg.append(back, dark);
  box.replaceChildren(svg);
}

export async function copy(text, say, done) {
  try { await navigator.clipboard.writeText(text); say(done); } catch (e) { say(text); }
}

export function download(name, type, text) {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

// A stylesheet of this folder linked once, by the modules of the few pages that need it (practice.css), so
// that other pages, quiz pages first, stay as light as before.
export function useStyles(name) {
  const href = new URL(name, import.meta.url).href;
  if ([...document.querySelectorAll("link[rel=stylesheet]")].some((link) => link.href === href)) return;
  document.head.append(el("link", { rel: "stylesheet", href }));
}
