/* Small pieces the page modules share (send.js, keys.js, inbox.js, practice.js, practice-page.js, progress.js,
   pick.js): the site root, storage, the page's own words, elements, the course data in pieces, QR codes, a
   page's own stylesheet, and starting on every page. An ES module: nothing on window. */

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

// ---- The course data, in pieces (CONTRACT.md, "The course data"): the index, and one piece per part. ----
// Each file is fetched once per page load, its promise kept; a failed fetch is forgotten, so a later call tries again.
const fetched = new Map();
const fetchJson = (path) => {
  if (!fetched.has(path)) {
    fetched.set(path, fetch(new URL(path, ROOT)).then((r) => (r.ok ? r.json() : null)).catch(() => null)
      .then((found) => { if (!isObject(found)) fetched.delete(path); return isObject(found) ? found : null; }));
  }
  return fetched.get(path);
};
const parts = (index) => (Array.isArray(index.parts) ? index.parts.filter((p) => isObject(p) && Number.isInteger(p.piece)) : []);
const list = (v) => (Array.isArray(v) ? v : []);

// The index: course-wide facts (title, dose_limits, pain_threshold) and each part's lesson and quiz ids.
export const courseIndex = () => fetchJson("shared/course.json");

// One part's piece, by its number: the part's lessons with their quizzes and practice.
export const coursePiece = (number) => (Number.isInteger(number) && number > 0
  ? fetchJson(`shared/course/${number}.json`) : Promise.resolve(null));

// The index's facts with the lessons of the pieces that hold these lesson or quiz ids, each piece fetched
// once: {title, dose_limits, pain_threshold, lessons}. Null if the index is unreachable.
export async function course(ids) {
  const index = await courseIndex();
  if (!index) return null;
  const wanted = new Set(ids);
  const holds = (part) => list(part.lessons).concat(list(part.quizzes)).some((id) => wanted.has(id));
  const pieces = await Promise.all(parts(index).filter(holds).map((part) => coursePiece(part.piece)));
  const lessons = pieces.flatMap((piece) => (piece ? list(piece.lessons).filter(isObject) : []));
  return { ...index, lessons };
}

// How many lessons and scored quizzes the whole course has, from the index alone (no piece fetched).
export const courseTotals = (index) => parts(index).reduce((sum, part) => ({
  lessonCount: sum.lessonCount + list(part.lessons).length,
  quizCount: sum.quizCount + (Number.isInteger(part.scored) && part.scored > 0 ? part.scored : 0),
}), { lessonCount: 0, quizCount: 0 });

// The id a lesson or quiz page's address ends with (`…/lessons/part-01/03-first-steps/` -> `first-steps`): which
// pieces to fetch for pages known by address only. Addresses are then matched whole against the data.
export const idOfAddress = (address) => {
  try {
    const last = new URL(address, ROOT).pathname.split("/").filter(Boolean).pop() || "";
    return decodeURIComponent(last).replace(/^\d+-/, "");
  } catch (e) {
    return ""; // not an address
  }
};

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

// A prescription's doses (CONTRACT.md, "The prescription link"): `x=LESSON.EXERCISE.SETS.WORK,…`, WORK being
// reps or hold seconds, a number left empty keeping the lesson's. Read by shape only; practice.js checks ranges.
const DOSE_ENTRY = /^([a-z0-9-]{1,60}\.[a-z0-9-]{1,60})\.(\d{0,3})\.(\d{0,3})$/;
export function readDoses(text) {
  const found = new Map();
  String(text || "").split(",").slice(0, 500).forEach((entry) => {
    const m = DOSE_ENTRY.exec(entry);
    if (m) found.set(m[1], { sets: m[2] ? +m[2] : 0, work: m[3] ? +m[3] : 0 });
  });
  return found;
}

// The prescribe page's doses of the ticked lessons that differ from the lesson's (each field's default), as `x`;
// a field out of its range or not whole is left out, so the lesson's dose stands.
export function formDoses(form) {
  const changed = (input) => (input.checkValidity() && input.value !== input.defaultValue ? String(+input.value) : "");
  return [...form.querySelectorAll("[data-cq-dose]")]
    .filter((row) => row.closest("li").querySelector("input[name=lessons]").checked)
    .map((row) => {
      const sets = changed(row.querySelector("[data-cq-dose-sets]"));
      const work = changed(row.querySelector("[data-cq-dose-work]"));
      return sets || work ? [row.dataset.cqDose, sets, work].join(".") : "";
    }).filter(Boolean).join(",");
}

// Set the prescribe page's dose fields from a kept `x` (updating a client's program); the rest to the lesson's.
export function fillDoses(form, text) {
  const doses = readDoses(text);
  form.querySelectorAll("[data-cq-dose]").forEach((row) => {
    const dose = doses.get(row.dataset.cqDose) || {};
    [["[data-cq-dose-sets]", dose.sets], ["[data-cq-dose-work]", dose.work]].forEach(([field, n]) => {
      const input = row.querySelector(field);
      input.value = n ? String(n) : input.defaultValue;
      if (!input.checkValidity()) input.value = input.defaultValue;
    });
  });
}
