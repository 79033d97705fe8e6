/* The practice player: sets, reps (a tap anywhere counts one), holds and rests (counted down), then
   "How did it feel?" into the practice log. The markup contract is in CONTRACT.md ("Practice"); the
   log's format in "Practice log". Loaded only on pages with a practice block. Nothing is sent anywhere. */
import { addSession, readLog, updateSession, NOTE_MAX, SITE_ROOT } from "./practice-log.js";
import { KEY, onPage, t } from "./common.js";
import { course, el, onAddress, readDoses, useStyles } from "./kit.js";

const READY_SECONDS = 5; // to get into place before an exercise
const SWITCH_SECONDS = 5; // to change sides
const TICK_MS = 250;
const STALE_MS = 12 * 3600 * 1000; // a session left for half a day is not resumed
const NOW_KEY = KEY + ":practice-now"; // the session in progress, so a reload resumes it
const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

// ---- The exercises of a block, read from its data attributes (or from the course data on a prescribed program). ----

const whole = (text, low, high, fallback) => {
  const n = Number.parseInt(text, 10);
  return Number.isInteger(n) && n >= low && n <= high ? n : fallback;
};

function exerciseOf(item) {
  const d = item.dataset;
  return {
    id: d.cqExercise || "", name: d.cqName || "", cue: d.cqCue || "", figure: d.cqFigure || "", alt: d.cqAlt || "",
    sets: whole(d.cqSets, 1, 99, 1), reps: whole(d.cqReps, 0, 999, 0), hold: whole(d.cqHold, 0, 3600, 0),
    rest: whole(d.cqRest, 0, 3600, 0), sides: item.hasAttribute("data-cq-sides"),
  };
}

// Every step of a session, in order: get ready, then each set (each side, with a switch between), rests after sets.
function stepsOf(exercises) {
  const steps = [];
  exercises.forEach((ex, e) => {
    steps.push({ kind: "ready", e, set: 1, side: "", seconds: READY_SECONDS });
    for (let set = 1; set <= ex.sets; set++) {
      (ex.sides ? ["left", "right"] : [""]).forEach((side, i) => {
        if (i) steps.push({ kind: "switch", e, set, side, seconds: SWITCH_SECONDS });
        steps.push(ex.reps ? { kind: "reps", e, set, side, reps: ex.reps } : { kind: "hold", e, set, side, seconds: ex.hold });
      });
      const last = e === exercises.length - 1 && set === ex.sets;
      if (ex.rest && !last) steps.push({ kind: "rest", e, set, side: "", seconds: ex.rest });
    }
  });
  return steps.map((step) => ({ ...step, last: false }));
}

const signature = (exercises) => exercises.map((x) => [x.id, x.sets, x.reps, x.hold, x.rest, x.sides].join(":")).join(",");

// ---- What the reader hears and feels: a beep, a buzz, spoken cues when turned on, and the screen kept awake. ----

let audio = null;
function beep(high) {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  try {
    audio = audio || new Context(); // made on the reader's first tap: browsers start sound only after one
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = high ? 880 : 660;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.15);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.16);
  } catch (e) { /* no sound on this device: the screen still shows every change */ }
}

const buzz = () => { if ("vibrate" in navigator) navigator.vibrate(120); };

function speak(text) {
  if (!("speechSynthesis" in window) || !window.SpeechSynthesisUtterance) return;
  const words = new window.SpeechSynthesisUtterance(text);
  words.lang = document.documentElement.lang || "en";
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(words);
}

async function keepAwake(player) {
  if (!("wakeLock" in navigator)) return false;
  try {
    // eslint-disable-next-line compat/compat -- detected just above: Safari has it from 16.4, and says so below
    player.lock = await navigator.wakeLock.request("screen");
    return true;
  } catch (e) {
    return false;
  }
}

// ---- Saving the place: a reload, or a phone locked in the middle, comes back to the same step. ----

function savePlace(player) {
  const { state } = player;
  const left = player.endsAt ? Math.max(0, player.endsAt - Date.now()) : state.left;
  const place = { page: location.pathname, sig: player.sig, step: state.step, count: state.count, left, done: state.done,
    started: state.started, saved: Date.now() };
  try { localStorage.setItem(NOW_KEY, JSON.stringify(place)); } catch (e) { /* storage blocked: no resume */ }
}

function savedPlace(sig, total) {
  let place = null;
  try { place = JSON.parse(localStorage.getItem(NOW_KEY) || "null"); } catch (e) { place = null; }
  if (!place || typeof place !== "object" || place.page !== location.pathname || place.sig !== sig) return null;
  if (!(Date.now() - place.saved < STALE_MS) || !Number.isInteger(place.step) || place.step < 0 || place.step >= total) return null;
  return {
    step: place.step, count: whole(String(place.count), 0, 999, 0), left: Math.max(0, Number(place.left) || 0),
    done: Array.isArray(place.done) ? place.done.slice(0, total).map(Boolean) : [],
    started: typeof place.started === "string" ? place.started : new Date().toISOString(),
  };
}

const forgetPlace = () => { try { localStorage.removeItem(NOW_KEY); } catch (e) { /* nothing kept */ } };

// ---- The player's screen. ----

const button = (key) => el("button", { type: "button", className: "cq-button cq-player-control", textContent: t(key) });

function playerScreen() {
  const big = el("span", { className: "cq-player-big" });
  const stage = el("button", { type: "button", className: "cq-player-stage" }, big, el("span", { className: "cq-player-of" }));
  stage.setAttribute("data-cq-stage", "");
  const screen = el("div", { className: "cq-player", tabIndex: -1 },
    el("p", { className: "cq-player-name" }), el("p", { className: "cq-player-where" }),
    el("figure", { className: "cq-player-figure" }),
    stage,
    el("div", { className: "cq-player-bar" }, el("span")),
    el("p", { className: "cq-player-what" }), el("p", { className: "cq-player-cue" }), el("p", { className: "cq-player-next" }),
    el("p", { className: "cq-player-controls" }, button("player_back"), button("player_pause"), button("player_skip"), button("player_stop")),
    el("p", { className: "cq-player-tools" }, button("player_voice")),
    el("p", { className: "cq-player-awake" }),
    el("p", { className: "cq-sr" }));
  screen.setAttribute("role", "dialog");
  screen.setAttribute("aria-modal", "true");
  const [back, pause, skip, stop] = screen.querySelectorAll(".cq-player-controls button");
  const voice = screen.querySelector(".cq-player-tools button");
  voice.setAttribute("aria-pressed", "false");
  voice.hidden = !("speechSynthesis" in window);
  const live = screen.querySelector(".cq-sr");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  screen.setAttribute("data-cq-player", "");
  document.body.append(screen);
  return { screen, stage, big, back, pause, skip, stop, voice, live };
}

// The rest of the page is hidden from screen readers while the player covers it.
function coverPage(screen, on) {
  for (const node of document.body.children) {
    if (node === screen || node.contains(screen)) continue;
    if (on) node.setAttribute("aria-hidden", "true"); else node.removeAttribute("aria-hidden");
  }
  document.documentElement.classList.toggle("cq-playing", on);
}


// ---- The session: one step at a time, timed steps counted from the clock, so a slow or throttled page keeps time. ----

const timed = (step) => step.kind !== "reps";
const sideText = (side) => (side ? t(side === "left" ? "player_side_left" : "player_side_right") : "");
const whereText = (player, step) => {
  const ex = player.exercises[step.e];
  return [t("player_set", { set: step.set, sets: ex.sets }), sideText(step.side)].filter(Boolean).join(", ");
};
const WHAT = { ready: "player_get_ready", reps: "player_tap", hold: "player_hold", rest: "player_rest", switch: "player_switch" };

function nextText(player) {
  const step = player.steps[player.state.step + 1];
  if (!step) return t("player_next_feel");
  const ex = player.exercises[step.e];
  if (step.kind === "ready") return t("player_next", { what: ex.name });
  if (step.kind === "rest") return t("player_next", { what: `${t("player_rest")} (${step.seconds} s)` });
  return t("player_next", { what: `${t(WHAT[step.kind])}: ${whereText(player, step)}` });
}

function say(player, text) {
  const live = player.ui.live;
  live.textContent = "";
  setTimeout(() => { live.textContent = text; }, 30);
  if (player.voice) speak(text);
}

function secondsLeft(player) {
  const ms = player.endsAt ? player.endsAt - Date.now() : player.state.left;
  return Math.max(0, Math.ceil(ms / 1000));
}

function draw(player) {
  const { ui, state } = player;
  const step = player.steps[state.step];
  const ex = player.exercises[step.e];
  ui.screen.querySelector(".cq-player-name").textContent = ex.name;
  ui.screen.querySelector(".cq-player-where").textContent = whereText(player, step);
  ui.screen.querySelector(".cq-player-what").textContent = state.paused ? t("player_paused") : t(WHAT[step.kind]);
  ui.screen.querySelector(".cq-player-cue").textContent = ex.cue;
  ui.screen.querySelector(".cq-player-next").textContent = nextText(player);
  const figure = ui.screen.querySelector(".cq-player-figure");
  if (figure.dataset.cqSrc !== ex.figure) {
    figure.dataset.cqSrc = ex.figure;
    figure.replaceChildren(...(ex.figure ? [el("img", { src: ex.figure, alt: ex.alt })] : []));
  }
  drawCount(player);
  ui.pause.textContent = state.paused ? t("player_resume") : t("player_pause");
  ui.pause.setAttribute("aria-pressed", String(state.paused));
}

function drawCount(player) {
  const { ui, state } = player;
  const step = player.steps[state.step];
  const of = ui.screen.querySelector(".cq-player-of");
  let share;
  if (timed(step)) {
    const left = secondsLeft(player);
    ui.big.textContent = String(left);
    of.textContent = t("player_seconds_left", { count: left }, left);
    ui.stage.setAttribute("aria-label", `${t(WHAT[step.kind])}: ${of.textContent}`);
    ui.stage.setAttribute("aria-disabled", "true");
    share = 1 - left / step.seconds;
  } else {
    ui.big.textContent = String(state.count);
    of.textContent = t("player_count", { count: state.count, total: step.reps });
    ui.stage.setAttribute("aria-label", `${t("player_count_rep")}: ${of.textContent}`);
    ui.stage.removeAttribute("aria-disabled");
    share = state.count / step.reps;
  }
  ui.screen.querySelector(".cq-player-bar span").style.width = `${Math.round(Math.min(1, share) * 100)}%`;
}

// Enter a step from its start (or, on resume, from where it was), with a beep, a buzz and a spoken line.
function enter(player, index, { left = null, count = 0, quiet = false } = {}) {
  const { state } = player;
  const step = player.steps[index];
  state.step = index;
  state.count = count;
  state.left = timed(step) ? (left === null ? step.seconds * 1000 : left) : 0;
  player.endsAt = timed(step) && !state.paused ? Date.now() + state.left : 0;
  player.warned = secondsLeft(player) <= 10;
  draw(player);
  savePlace(player);
  if (quiet) return;
  beep(step.kind !== "rest");
  buzz();
  const what = step.kind === "reps" ? `${t("player_tap")} ${t("player_count", { count: 0, total: step.reps })}`
    : `${t(WHAT[step.kind])}: ${t("player_seconds_left", { count: step.seconds }, step.seconds)}`;
  say(player, `${player.exercises[step.e].name}. ${whereText(player, step)}. ${what}.`);
}

function tick(player) {
  const { state } = player;
  const step = player.steps[state.step];
  if (state.paused || !timed(step) || !player.endsAt) return;
  const left = secondsLeft(player);
  drawCount(player);
  if (left <= 0) { complete(player); return; }
  // Spoken at sensible moments only: ten seconds before the end of a long step, not every second.
  if (!player.warned && left <= 10 && step.seconds >= 20) {
    player.warned = true;
    say(player, t("player_seconds_left", { count: left }, left));
  }
  if (Date.now() - (player.savedAt || 0) >= 1000) { player.savedAt = Date.now(); savePlace(player); }
}

function complete(player) {
  player.state.done[player.state.step] = true;
  advance(player);
}

function advance(player) {
  if (player.state.step + 1 >= player.steps.length) finish(player);
  else enter(player, player.state.step + 1);
}

function countRep(player) {
  const { state } = player;
  const step = player.steps[state.step];
  if (state.paused || step.kind !== "reps") return;
  state.count += 1;
  if (state.count >= step.reps) { complete(player); return; }
  beep(false);
  drawCount(player);
  savePlace(player);
  say(player, t("player_count", { count: state.count, total: step.reps }));
}

function setPaused(player, paused) {
  const { state } = player;
  const step = player.steps[state.step];
  if (paused && player.endsAt) state.left = Math.max(0, player.endsAt - Date.now());
  state.paused = paused;
  player.endsAt = !paused && timed(step) ? Date.now() + state.left : 0;
  draw(player);
  savePlace(player);
  say(player, paused ? t("player_paused") : t("player_resume"));
}

function goBack(player) {
  const { state } = player;
  const step = player.steps[state.step];
  const ms = player.endsAt ? player.endsAt - Date.now() : state.left; // to the millisecond: any time counted
  const started = step.kind === "reps" ? state.count > 0 : ms < step.seconds * 1000;
  const target = started || state.step === 0 ? state.step : state.step - 1;
  state.done[target] = false;
  enter(player, target);
}

function wire(player) {
  const { ui } = player;
  // A tap anywhere on the player counts a rep, except on its controls; the keyboard counts on the big button.
  ui.screen.addEventListener("click", (event) => {
    if (event.target.closest("button:not([data-cq-stage]), a, input, label, textarea")) return;
    countRep(player);
  });
  ui.pause.addEventListener("click", () => setPaused(player, !player.state.paused));
  ui.skip.addEventListener("click", () => advance(player));
  ui.back.addEventListener("click", () => goBack(player));
  ui.stop.addEventListener("click", () => finish(player));
  ui.voice.addEventListener("click", () => {
    player.voice = !player.voice;
    ui.voice.setAttribute("aria-pressed", String(player.voice));
    if (player.voice) speak(t("player_voice"));
  });
  ui.screen.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setPaused(player, true);
  });
  player.onHidden = () => {
    if (document.visibilityState === "hidden") { if (!player.state.paused) setPaused(player, true); }
    else if (player.lock !== undefined) keepAwake(player); // a wake lock ends when the page is hidden
  };
  document.addEventListener("visibilitychange", player.onHidden);
  window.addEventListener("pagehide", player.onSave = () => savePlace(player));
}

let current = null; // the player open on this page, if any

async function openPlayer(block, exercises, resumed) {
  if (current) return;
  const ui = playerScreen();
  const label = t("player_label", { name: exercises.map((x) => x.name).join(", ") });
  ui.screen.setAttribute("aria-label", label);
  const steps = stepsOf(exercises);
  const state = resumed
    ? { ...resumed, paused: true }
    : { step: 0, count: 0, left: 0, done: [], started: new Date().toISOString(), paused: false };
  const player = { block, exercises, steps, ui, state, sig: signature(exercises), voice: false, endsAt: 0 };
  current = player;
  wire(player);
  coverPage(ui.screen, true);
  enter(player, state.step, resumed ? { left: resumed.left, count: resumed.count, quiet: true } : {});
  player.timer = setInterval(() => tick(player), TICK_MS);
  ui.stage.focus();
  if (resumed) say(player, `${t("player_resumed")} ${t("player_paused")}.`);
  const awake = await keepAwake(player);
  if (awake) player.lock.addEventListener("release", () => { player.lock = null; });
  else player.lock = undefined; // no wake lock on this browser: say so, once
  ui.screen.querySelector(".cq-player-awake").textContent = t(awake ? "player_awake_on" : "player_awake_off");
  block.player = player;
}

function setsDone(player) {
  return player.exercises.map((ex, e) => {
    let sets = 0;
    for (let set = 1; set <= ex.sets; set++) {
      const work = player.steps.map((s, i) => [s, i]).filter(([s]) => s.e === e && s.set === set && (s.kind === "reps" || s.kind === "hold"));
      if (work.every(([, i]) => player.state.done[i])) sets += 1;
    }
    return { id: ex.id, sets, of: ex.sets };
  });
}

// Close the player; its place stays saved unless the session is over.
function close(player) {
  clearInterval(player.timer);
  document.removeEventListener("visibilitychange", player.onHidden);
  window.removeEventListener("pagehide", player.onSave);
  if (player.lock) player.lock.release().catch(() => {});
  coverPage(player.ui.screen, false);
  player.ui.screen.remove();
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  current = null;
}

function finish(player) {
  close(player);
  forgetPlace();
  const d = player.block.dataset;
  const days = (d.cqDays || "").split(",").filter((day) => DAYS.includes(day));
  const session = addSession({
    at: new Date().toISOString(), lesson: d.cqLesson || null, program: d.cqProgram || null,
    items: setsDone(player).filter((item) => item.id), effort: null, pain: null, note: "", days,
  });
  beep(true);
  buzz();
  feelForm(player.block, session);
}

// ---- "How did it feel?": effort and pain from 0 to 10 and a note, kept with the session just logged. ----

function scale(name, legend) {
  const choices = Array.from({ length: 11 }, (_, n) => el("label", { className: "cq-scale-choice" },
    el("input", { type: "radio", name, value: String(n) }), el("span", { textContent: String(n) })));
  return el("fieldset", { className: "cq-scale" }, el("legend", { textContent: legend }), ...choices);
}

function feelForm(block, session) {
  const id = "cq-feel-note-" + Math.random().toString(36).slice(2, 8);
  const heading = el("h3", { textContent: t("feel_title"), tabIndex: -1 });
  const form = el("form", { className: "cq-feel" }, heading,
    scale("effort", t("feel_effort")), scale("pain", t("feel_pain")),
    el("p", { className: "cq-field" }, el("label", { htmlFor: id, textContent: t("feel_note") }),
      el("textarea", { id, name: "note", rows: 3, maxLength: NOTE_MAX })),
    el("p", { className: "cq-send-row" }, el("button", { type: "submit", className: "cq-button", textContent: t("feel_save") }),
      el("button", { type: "button", className: "cq-button cq-button--quiet", textContent: t("feel_skip") })));
  form.setAttribute("data-cq-feel", "");
  const status = el("div", { className: "cq-feel-result" });
  status.setAttribute("role", "status");
  block.querySelector("[data-cq-feel]")?.remove();
  block.querySelector(".cq-feel-result")?.remove();
  block.append(form, status);
  status.append(el("p", { textContent: session ? t("player_done") : `${t("player_done")} ${t("player_not_kept")}` }));
  heading.focus();
  const value = (name) => {
    const picked = form.querySelector(`input[name=${name}]:checked`);
    return picked ? Number(picked.value) : null;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const felt = { ...session, effort: value("effort"), pain: value("pain"), note: form.elements.note.value.trim().slice(0, NOTE_MAX) };
    const kept = session && updateSession(felt);
    form.remove();
    feelDone(block, status, kept ? felt : null);
  });
  form.querySelector("button[type=button]").addEventListener("click", () => { form.remove(); feelDone(block, status, null); });
}

// Pain above the course's threshold, or rising over three sessions in a row, shows the course's advice.
function painAdvice(block, felt) {
  const d = block.dataset;
  if (!felt || felt.pain === null || !d.cqPainMessage) return null;
  const earlier = readLog().sessions.filter((s) => s.id !== felt.id && s.pain !== null).slice(-2).map((s) => s.pain);
  const high = felt.pain > whole(d.cqPainThreshold, 0, 10, 10);
  const rising = earlier.length === 2 && earlier[0] < earlier[1] && earlier[1] < felt.pain;
  if (!high && !rising) return null;
  const box = el("div", { className: "admonition warning cq-pain-advice" }, el("p", { textContent: d.cqPainMessage }));
  if (d.cqPainLink) box.append(el("p", {}, el("a", { href: d.cqPainLink, textContent: d.cqPainLinkText || d.cqPainLink })));
  return box;
}

function feelDone(block, status, felt) {
  const parts = [];
  if (felt) parts.push(el("p", { textContent: t("feel_saved") }));
  const advice = painAdvice(block, felt);
  if (advice) parts.push(advice);
  const log = block.dataset.cqLogPage;
  if (log) parts.push(el("p", {}, el("a", { href: log, textContent: t("practice_log_link") })));
  status.replaceChildren(...parts);
  (advice || status).setAttribute("tabindex", "-1");
  (advice || status).focus();
}

// ---- A prescribed program (shared/program/): its exercises come from the course data and the link's lessons. ----

async function fillPrescribed(block) {
  const params = new URLSearchParams(location.hash.slice(1));
  const ids = (params.get("l") || "").split(",").filter(Boolean).slice(0, 100);
  block.dataset.cqDays = (params.get("d") || "").split(",").filter((day) => DAYS.includes(day)).join(",");
  const doses = readDoses(params.get("x"));
  const data = await course(ids); // only the pieces of the link's lessons
  const lessons = data && Array.isArray(data.lessons) ? data.lessons : [];
  const limits = (data && data.dose_limits) || {};
  const items = ids.flatMap((id) => {
    const lesson = lessons.find((l) => l && l.id === id);
    return lesson && Array.isArray(lesson.practice)
      ? lesson.practice.map((p) => doseItem(lesson.id, dosed(p, doses.get(`${lesson.id}.${p.id}`), limits))) : [];
  });
  block.querySelector(".cq-doses").replaceChildren(...items);
  return items.length > 0;
}

// The link's dose of an exercise where it is a whole number in the schema's range (CONTRACT.md), else the lesson's.
function dosed(p, dose, limits) {
  if (!dose) return p;
  const fits = (n, key) => Number.isInteger(n) && n >= 1 && n <= (+limits[key] || 0);
  const sets = fits(dose.sets, "sets") ? dose.sets : p.sets;
  const reps = p.reps && fits(dose.work, "reps") ? dose.work : p.reps;
  const hold = !p.reps && fits(dose.work, "hold") ? dose.work : p.hold;
  if (sets === p.sets && reps === p.reps && hold === p.hold) return p;
  const text = t("dose_line", {
    sets: t("dose_sets", { count: sets }, sets),
    work: reps ? t("dose_reps", { count: reps }, reps) : t("dose_hold", { count: hold }, hold),
    sides: p.sides === true ? t("dose_each_side") : "",
    rest: p.rest ? t("dose_rest", { count: p.rest }, p.rest) : "",
  });
  return { ...p, sets, reps, hold, text };
}

function doseItem(lessonId, p) {
  const item = el("li", { className: "cq-dose" }, el("strong", { textContent: String(p.name || "") }), `: ${p.text || ""}`);
  if (p.cue) item.append(" ", el("em", { textContent: String(p.cue) }));
  Object.assign(item.dataset, {
    cqExercise: `${lessonId}/${p.id}`, cqName: String(p.name || ""), cqSets: String(p.sets), cqReps: String(p.reps),
    cqHold: String(p.hold), cqRest: String(p.rest), cqCue: String(p.cue || ""),
    cqFigure: p.figure ? SITE_ROOT + p.figure : "", cqAlt: String(p.alt || ""),
  });
  if (p.sides === true) item.setAttribute("data-cq-sides", "");
  return item;
}

// ---- Start: each practice block gets its button; a session left in the middle on this page comes back. ----

const exercisesOf = (block) => [...block.querySelectorAll("[data-cq-exercise]")].map(exerciseOf).filter((x) => x.reps || x.hold);
const prescribed = (block) => block.dataset.cqProgram === "/shared/program/";

// Show the start button when the block has exercises; a prescribed program's come from its link first.
async function fill(block) {
  const go = block.querySelector("[data-cq-practice-go]");
  if (prescribed(block)) await fillPrescribed(block);
  go.hidden = !exercisesOf(block).length;
  return !go.hidden;
}

async function setup(block) {
  const go = block.querySelector("[data-cq-practice-go]");
  if (block.hasAttribute("data-cq-ready") || !go) return;
  block.setAttribute("data-cq-ready", "");
  go.querySelector("[data-cq-practice-start]").addEventListener("click", () => {
    beep(true); // the first tap opens the sound, where a browser needs one
    openPlayer(block, exercisesOf(block), null);
  });
  if (!(await fill(block))) return;
  const resumed = savedPlace(signature(exercisesOf(block)), stepsOf(exercisesOf(block)).length);
  if (resumed) openPlayer(block, exercisesOf(block), resumed);
}

function start() {
  if (document.querySelector("[data-cq-practice]")) useStyles("practice.css");
  // A player left open by instant navigation to another page is closed; its place stays saved.
  if (current && !document.body.contains(current.block)) close(current);
  document.querySelectorAll("[data-cq-practice]").forEach(setup);
}

// Another program link opened on the prescribed-program page: its exercises replace the last one's.
onAddress(() => document.querySelectorAll("[data-cq-practice][data-cq-ready]").forEach((block) => {
  if (prescribed(block) && !current) fill(block);
}));
onPage(start);
