/* Progress at a glance, and progress moved to another device by a link. The markup contract is in
   CONTRACT.md ("Programs made in the browser"). Reads the saved progress through common.js; sends
   nothing anywhere. Lends program.js QR codes. */
import { KEY, ROOT, markNav, onPage, save, saved, t } from "./common.js";
import { course, courseIndex, courseTotals, idOfAddress } from "./kit.js";

const MAX_IDS = 500; // a course has far fewer; a longer list in a link is cut, never trusted
const path = (url) => new URL(url, ROOT).pathname;
const ids = (text) => [...new Set((text || "").split(",").filter(Boolean))].slice(0, MAX_IDS);
const scored = (lessons) => lessons.flatMap((l) => l.quizzes).filter((q) => q.scored);

// A QR code as an SVG drawn with DOM calls, from the vendored encoder, loaded only when one is needed.
export async function qr(box, text) {
  const { default: qrcodegen } = await import(new URL("assets/coursegen/vendor/qrcodegen.js", ROOT).href);
  const code = qrcodegen.QrCode.encodeText(text, qrcodegen.QrCode.Ecc.MEDIUM);
  const NS = "http://www.w3.org/2000/svg";
  const size = code.size + 8;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("qr_alt", { url: text }));
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

// The pages this device has read or passed, as ids: which pieces hold what it has done (CONTRACT.md).
const touched = (memory) => [...Object.keys(memory.read || {}), ...Object.keys(memory.passed || {})].map(idOfAddress);

// What a panel counts: the lessons of its scope this device may have done, and how many lessons and scored
// quizzes the scope has. On the home page the scope is the whole course: its totals come from the index,
// and only the pieces of what was read or passed are fetched; else the lessons the page lists.
async function scope(panel, memory) {
  if (panel.dataset.cqProgress === "course") {
    const [index, found] = await Promise.all([courseIndex(), course(touched(memory))]);
    return index && found && { lessons: found.lessons, ...courseTotals(index) };
  }
  const listed = [...document.querySelectorAll("article ol > li > a[href*='lessons/']")].map((a) => new URL(a.href).pathname);
  const found = listed.length ? await course(listed.map(idOfAddress)) : { lessons: [] };
  const lessons = found && found.lessons.filter((l) => listed.includes(path(l.url)));
  return lessons && { lessons, lessonCount: lessons.length, quizCount: scored(lessons).length };
}

async function show(panel) {
  const memory = saved(true); // as saved now, by this page or another
  const found = await scope(panel, memory);
  if (!found) return;
  const total = found.lessonCount;
  panel.hidden = !total;
  if (!total) return;
  const lessonsOnly = panel.hasAttribute("data-cq-lessons-only");
  const quizzes = lessonsOnly ? [] : scored(found.lessons);
  const quizTotal = lessonsOnly ? 0 : found.quizCount;
  const read = found.lessons.filter((l) => (memory.read || {})[path(l.url)]).length;
  const passed = quizzes.filter((q) => (memory.passed || {})[path(q.url)]).length;
  const parts = [t("progress_lessons", { read, total }, total)];
  if (quizTotal) parts.push(t("progress_quizzes", { passed, total: quizTotal }, quizTotal));
  const text = parts.join(", ") + ".";
  const bar = panel.querySelector("[data-cq-progress-bar]");
  bar.max = total + quizTotal;
  bar.value = read + passed;
  bar.setAttribute("aria-valuetext", text);
  const out = panel.querySelector("[data-cq-progress-text]");
  if (out.textContent !== text) out.textContent = text; // the live region speaks only a change
}

const showAll = () => document.querySelectorAll("[data-cq-progress]").forEach(show);

// The link that carries this device's progress: lesson ids read and quiz ids passed, nothing else.
async function offerMove(panel) {
  const memory = saved(true); // as saved now, by this page or another
  const found = await course(touched(memory));
  const box = panel.querySelector("[data-cq-move-panel]");
  if (!found || !box) return;
  const read = found.lessons.filter((l) => (memory.read || {})[path(l.url)]).map((l) => l.id);
  const passed = scored(found.lessons).filter((q) => (memory.passed || {})[path(q.url)]).map((q) => q.id);
  const link = new URL("shared/progress/", ROOT).href + `#r=${read.join(",")}&p=${passed.join(",")}`;
  const anchor = box.querySelector("[data-cq-move-link]");
  anchor.href = link;
  anchor.textContent = link;
  box.hidden = false;
  await qr(box.querySelector("[data-cq-move-qr]"), link);
}

// shared/progress/: what the link holds, then a merge only after the reader agrees.
async function takeIn(box) {
  box.hidden = false;
  const params = new URLSearchParams(location.hash.slice(1));
  const found = await course([...ids(params.get("r")), ...ids(params.get("p"))]);
  const lessons = found ? found.lessons : [];
  const quizzes = scored(lessons);
  const read = ids(params.get("r")).map((id) => lessons.find((l) => l.id === id)).filter(Boolean);
  const passed = ids(params.get("p")).map((id) => quizzes.find((q) => q.id === id)).filter(Boolean);
  const text = box.querySelector("[data-cq-progress-in-text]");
  const ask = box.querySelector("[data-cq-progress-in-ask]");
  if (!read.length && !passed.length) { text.textContent = t("progress_in_none", {}); ask.hidden = true; return; }
  const counts = (r, p) => ({
    read: t("progress_in_read", { count: r }, r), passed: t("progress_in_passed", { count: p }, p),
  });
  text.textContent = t("progress_in_ask", counts(read.length, passed.length));
  ask.hidden = false;
  const button = box.querySelector("[data-cq-merge]");
  if (button.hasAttribute("data-cq-ready")) return;
  button.setAttribute("data-cq-ready", "");
  button.addEventListener("click", () => {
    const memory = saved(true);
    read.forEach((l) => { memory.read[path(l.url)] = 1; });
    passed.forEach((q) => { memory.passed[path(q.url)] = 1; });
    save();
    markNav();
    const now = counts(Object.keys(memory.read).length, Object.values(memory.passed).filter(Boolean).length);
    ask.hidden = true;
    box.querySelector("[data-cq-say]").textContent = t("progress_in_done", now);
    showAll();
  });
}

function init() {
  document.querySelectorAll("[data-cq-needs-js]").forEach((p) => { p.hidden = true; });
  showAll();
  document.querySelectorAll("[data-cq-move-progress]:not([data-cq-ready])").forEach((button) => {
    button.setAttribute("data-cq-ready", "");
    button.hidden = false;
    button.addEventListener("click", () => offerMove(button.closest("[data-cq-progress]")));
  });
  const box = document.querySelector("[data-cq-progress-in]");
  if (box) takeIn(box);
}

document.addEventListener("cq:score", showAll);
document.addEventListener("cq:program", showAll);
// Progress saved in another tab of the course (a quiz passed there) shows here at once.
window.addEventListener("storage", (event) => { if (event.key === KEY) showAll(); });
onPage(init);
