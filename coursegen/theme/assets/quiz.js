/* Self-check quizzes: instant feedback, saved progress and navigation marks. The markup contract is in
   CONTRACT.md. No dependencies, nothing sent anywhere; safe to run twice and after instant navigation. */
import { forget, markNav, onPage, save, saved, t } from "./common.js";

let arrowed = false;
// Whether the keyboard's focus is on a form's chosen input (:focus-visible; a tap's focus does not show).
const keyed = (form) => {
  try { return !!form.querySelector("input:checked:focus-visible"); } catch (e) { return false; } // an older browser
};
const part = (name) => saved()[name];
const page = () => location.pathname;
const all = (root, selector) => [...root.querySelectorAll(selector)];
const para = (text, cls) => Object.assign(document.createElement("p"), { textContent: text, className: cls || "" });

function say(quiz, text) {
  const live = quiz.querySelector("[data-cq-live]");
  live.textContent = "";
  setTimeout(() => { live.textContent = text; }, 50);
}

function init() {
  all(document, ".cq-quiz:not([data-cq-ready])").forEach(setup);
}

function setup(quiz) {
  quiz.setAttribute("data-cq-ready", "");
  quiz.classList.add("cq-js");
  all(quiz, "[data-cq-check], [data-cq-reset]").forEach((b) => { b.hidden = false; });
  all(quiz, "[data-cq-answer], [data-cq-care], [data-cq-all-no]").forEach((d) => { d.hidden = true; });
  const saved = part("answers")[page()] || {};
  all(quiz, "[data-cq-question]").forEach((form) => {
    const instant = form.hasAttribute("data-cq-on-tap");
    form.addEventListener("submit", (e) => { e.preventDefault(); check(quiz, form); });
    // An arrow key moves the selection (and fires a click) between keydown and keyup: that only looks.
    form.addEventListener("keydown", (e) => {
      arrowed = e.key.startsWith("Arrow");
      if (e.key === "Enter" && e.target.type === "radio") { e.preventDefault(); check(quiz, form); }
    });
    // Space on a radio that is already chosen fires no click, so it is checked here.
    form.addEventListener("keyup", (e) => {
      arrowed = false;
      if (e.key === " " && e.target.type === "radio") check(quiz, form);
    });
    form.addEventListener("change", () => { if (instant && arrowed) say(quiz, t("press_enter")); });
    form.addEventListener("click", (e) => {
      if (instant && e.target.type === "radio" && !arrowed) check(quiz, form);
      act(quiz, form, e.target.closest("button"));
    });
    const answer = saved[form.dataset.cqQuestion];
    if (answer && restore(form, answer)) check(quiz, form, true);
    // A choice tapped before this script started (a slow phone) is answered now, as the tap would have been;
    // one the arrow keys moved to (the keyboard's focus is on it) only looks, as it would have.
    else if (instant && form.querySelector("input:checked") && !keyed(form)) check(quiz, form);
  });
  quiz.querySelector("[data-cq-reset]").addEventListener("click", () => reset(quiz));
}

function act(quiz, form, button) {
  if (!button) return;
  if (button.dataset.cqMove) move(quiz, button);
  if (button.hasAttribute("data-cq-retry")) retry(quiz, form, true);
  if (button.hasAttribute("data-cq-show")) {
    const details = form.querySelector("[data-cq-answer]");
    details.hidden = false;
    details.open = true;
    details.querySelector("summary").focus();
  }
}

// Put back a saved answer; one that no longer fits the question (its steps or options changed) is dropped.
function restore(form, answer) {
  const list = form.querySelector("[data-cq-steps]");
  const here = list ? all(list, "[data-cq-step]").map((li) => li.dataset.cqStep) : all(form, "input").map((i) => i.value);
  const saved = (answer.v || []).map(String);
  if (!saved.length || !saved.every((v) => here.includes(v)) || (list && saved.length !== here.length)) return false;
  if (list) saved.forEach((i) => list.append(list.querySelector(`[data-cq-step="${i}"]`)));
  else all(form, "input").forEach((input) => { input.checked = saved.includes(input.value); });
  return true;
}

function check(quiz, form, quiet) {
  const inputs = all(form, "input");
  let chosen;
  let right;
  if (form.querySelector("[data-cq-steps]")) {
    chosen = all(form, "[data-cq-step]").map((li) => +li.dataset.cqStep);
    right = chosen.every((step, i) => step === i);
  } else {
    chosen = inputs.filter((i) => i.checked).map((i) => i.value);
    if (!chosen.length) return say(quiz, t("pick_first"));
    right = inputs.every((i) => i.checked === i.hasAttribute("data-cq-correct"));
  }
  if (form.dataset.cqDone === chosen.join()) return;
  form.dataset.cqDone = chosen.join();
  part("answers")[page()] = { ...part("answers")[page()], [form.dataset.cqQuestion]: { v: chosen, ok: right } };
  save();
  if (form.dataset.cqLevel) return care(quiz, form, quiet);
  const says = inputs.filter((i) => i.checked && i.dataset.cqSays).map((i) => i.dataset.cqSays);
  const why = form.querySelector("[data-cq-explain]").textContent;
  const verdict = (right ? "\u2713 " : "\u2717 ") + t(right ? "verdict_right" : "verdict_wrong");
  const box = form.querySelector("[data-cq-feedback]");
  box.replaceChildren(para(verdict, "cq-verdict"), ...says.map((t) => para(t)), ...(why ? [para(why)] : []));
  box.className = "cq-feedback " + (right ? "cq-right" : "cq-wrong");
  box.hidden = false;
  form.querySelector("[data-cq-retry]").hidden = false;
  form.querySelector("[data-cq-show]").hidden = right;
  if (!quiet) say(quiz, [verdict, ...says].join(" "));
  score(quiz, quiet);
}

function care(quiz, form, quiet) {
  const yes = all(quiz, "[data-cq-question]").filter((f) => f.querySelector("input[value=yes]:checked"));
  // The advice boxes come most serious first: show the first whose level has a yes.
  const box = all(quiz, "[data-cq-care]").find((b) => yes.some((f) => f.dataset.cqLevel === b.dataset.cqCare)) || allNo(quiz);
  const tier = box ? box.dataset.cqCare || "all-no" : undefined;
  all(quiz, "[data-cq-care], [data-cq-all-no]").forEach((b) => { b.hidden = b !== box; });
  form.querySelector("[data-cq-retry]").hidden = false;
  const was = quiz.dataset.cqShown;
  quiz.dataset.cqShown = tier || "";
  // Announce only a change of advice, and move focus to it only on a yes, so the page does not jump each time.
  if (box && !quiet && tier !== was) {
    if (yes.includes(form)) { box.tabIndex = -1; box.focus(); }
    say(quiz, box.innerText);
  }
}

// The all-no advice, once every question of the self-check is answered and none with yes.
function allNo(quiz) {
  const answered = all(quiz, "[data-cq-level]").every((f) => f.querySelector("input[value=no]:checked"));
  return answered ? quiz.querySelector("[data-cq-all-no]") : undefined;
}

function score(quiz, quiet) {
  const box = quiz.querySelector("[data-cq-score]");
  const forms = all(quiz, "[data-cq-question]");
  const answers = part("answers")[page()] || {};
  const done = forms.filter((f) => answers[f.dataset.cqQuestion]);
  if (!box || done.length < forms.length) return;
  const right = done.filter((f) => answers[f.dataset.cqQuestion].ok).length;
  const total = forms.length;
  const said = t("score", { right, total }, right);
  box.querySelector("[data-cq-score-text]").textContent = said;
  box.querySelector("[data-cq-review]").hidden = right === total;
  box.hidden = false;
  part("passed")[page()] = right * 5 >= total * 4 ? 1 : 0;
  save();
  markNav();
  if (quiet) return;
  say(quiz, said);
  document.dispatchEvent(new CustomEvent("cq:score", { detail: { quiz: quiz.dataset.cqQuiz, right, total } }));
}

function move(quiz, button) {
  const item = button.closest("li");
  const other = +button.dataset.cqMove < 0 ? item.previousElementSibling : item.nextElementSibling;
  if (!other) return;
  if (+button.dataset.cqMove < 0) other.before(item); else other.after(item);
  button.focus();
  const form = item.closest("form");
  form.dataset.cqDone = "";
  say(quiz, t("moved", { place: all(form, "[data-cq-step]").indexOf(item) + 1 }));
}

function retry(quiz, form, focus) {
  all(form, "input").forEach((input) => { input.checked = false; });
  all(form, "[data-cq-feedback], [data-cq-retry], [data-cq-show], [data-cq-answer]").forEach((e) => {
    e.hidden = true;
  });
  form.dataset.cqDone = "";
  const answers = part("answers")[page()];
  if (answers) delete answers[form.dataset.cqQuestion];
  const box = quiz.querySelector("[data-cq-score]");
  if (box) box.hidden = true;
  if (form.dataset.cqLevel) care(quiz, form, true);
  save();
  if (focus) (form.querySelector("input, button") || form).focus();
}

function reset(quiz) {
  all(document, ".cq-quiz [data-cq-question]").forEach((form) => retry(form.closest(".cq-quiz"), form));
  forget();
  markNav();
  say(quiz, t("cleared"));
}

onPage(init);
