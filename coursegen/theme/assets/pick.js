/* The prescribe page's lessons (CONTRACT.md, "Programs made in the browser"): the program's list on top,
   holding the lessons marked prescribe_first, then one `<details>` per part whose list is built from that
   part's piece of the course data when the trainer opens it. A lesson ticked in a part moves to the end of
   the program's list, where program.js orders it. Titles and names are set as text, never as markup. */
import { t as say } from "./common.js";
import { course, coursePiece, el, isObject, words } from "./kit.js";

const ready = new WeakMap(); // form -> the promise of its first lessons, made once (program.js and keys.js ask)
const has = (form, id) => form.querySelector(`[data-cq-lesson="${CSS.escape(id)}"]`);
const isLesson = (lesson) => isObject(lesson) && typeof lesson.id === "string" && lesson.id !== "";

// One exercise's dose fields; the value attribute is the lesson's dose, which formDoses compares with.
function doseRow(lessonId, p, t, limits) {
  const work = p.reps ? "reps" : "hold";
  const field = (label, max, value, mark) => {
    const input = el("input", { type: "number", inputMode: "numeric", min: "1", max: String(max), step: "1", required: true });
    input.setAttribute("value", String(value));
    input.setAttribute(mark, "");
    return el("label", {}, `${label} `, input);
  };
  const row = el("fieldset", { className: "cq-dose-row" }, el("legend", { textContent: String(p.name || "") }),
    field(t("prescribe_dose_sets"), limits.sets, p.sets, "data-cq-dose-sets"),
    field(t("prescribe_dose_" + work), limits[work], p[work], "data-cq-dose-work"));
  row.dataset.cqDose = `${lessonId}.${p.id}`;
  return row;
}

// One lesson of the list: its box, its moves, and the doses of its exercises.
function pickItem(lesson, t, limits) {
  const title = String(lesson.title || lesson.id);
  const move = (shift, key, arrow) => {
    const button = el("button", { type: "button", className: "cq-pick-move", textContent: arrow });
    button.dataset.cqShift = shift;
    button.setAttribute("aria-label", t(key, { step: title }));
    return button;
  };
  const box = el("input", { type: "checkbox", name: "lessons", value: lesson.id });
  const item = el("li", { className: "cq-pick-item" },
    el("label", { className: "cq-pick-label" }, box, " ", el("span", { textContent: title })),
    el("span", { className: "cq-pick-moves" }, move("-1", "move_up", "↑"), move("1", "move_down", "↓")));
  item.dataset.cqLesson = lesson.id;
  const practice = Array.isArray(lesson.practice) ? lesson.practice.filter(isObject) : [];
  if (practice.length) {
    item.append(el("details", { className: "cq-dose-edit" }, el("summary", { textContent: t("prescribe_dose") }),
      ...practice.map((p) => doseRow(lesson.id, p, t, limits))));
  }
  return item;
}

// A part opened: its lessons from its piece, less those already on the page (in the program's list).
async function fillPart(details, form, make) {
  if (details.hasAttribute("data-cq-ready")) return;
  details.setAttribute("data-cq-ready", "");
  const piece = await coursePiece(Number(details.dataset.cqPiece));
  if (!piece || !Array.isArray(piece.lessons)) return details.removeAttribute("data-cq-ready"); // tried again when reopened
  const fresh = piece.lessons.filter((lesson) => isLesson(lesson) && !has(form, lesson.id));
  details.querySelector("ol").append(...fresh.map(make));
}

// Put these lessons at the top of the program's list, in this order and ticked, built from the pieces that
// hold them where the page has not built them yet; with `only`, every other lesson is unticked.
async function place(form, make, ids, only) {
  const missing = ids.filter((id) => !has(form, id));
  const found = missing.length ? await course(missing) : null;
  const lessons = new Map((found ? found.lessons : []).filter(isLesson).map((lesson) => [lesson.id, lesson]));
  const list = form.querySelector("[data-cq-pick]");
  if (only) form.querySelectorAll("input[name=lessons]").forEach((box) => { box.checked = false; });
  [...ids].reverse().forEach((id) => {
    const item = has(form, id) || (lessons.has(id) ? make(lessons.get(id)) : null);
    if (!item) return; // a lesson no longer in the course
    item.querySelector("input[name=lessons]").checked = true;
    list.prepend(item);
  });
}

export async function placeLessons(form, ids, only) {
  return place(form, await pickReady(form), ids, only);
}

async function start(form) {
  const t = words(form);
  const list = form.querySelector("[data-cq-pick]");
  let limits = {};
  try { limits = JSON.parse(list.dataset.cqLimits) || {}; } catch (e) { limits = {}; }
  const make = (lesson) => pickItem(lesson, t, limits);
  // Registered before program.js's own listener, so the link it remakes has the lesson in its place.
  form.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.name !== "lessons" || !box.checked || !box.closest("[data-cq-piece]")) return;
    const item = box.closest("li");
    list.append(item);
    box.focus();
    form.querySelector("[data-cq-say]").textContent = say("moved", { place: list.children.length });
  });
  form.querySelectorAll("details[data-cq-piece]").forEach((details) => {
    details.addEventListener("toggle", () => { if (details.open) fillPart(details, form, make); });
    if (details.open) fillPart(details, form, make);
  });
  const first = (list.dataset.cqFirst || "").split(",").filter(Boolean);
  if (first.length) await place(form, make, first, false); // their pieces only
  list.setAttribute("data-cq-ready", "");
  return make;
}

// Start the lists once (program.js and keys.js both ask); resolves, with the item maker, once the first
// lessons (prescribe_first) are in, ticked, so a client's program placed after them replaces them.
export function pickReady(form) {
  if (!ready.has(form)) ready.set(form, start(form));
  return ready.get(form);
}
