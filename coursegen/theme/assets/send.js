/* "Send my practice to my trainer" (CONTRACT.md, "Sealed practice links"), on program pages: what the
   client did since the last send, shown in full, then sealed into a link, a QR code and the share sheet.
   The key comes from the trainer's program link (`c`, `k` in its fragment) and is kept on this phone. */
import { KEY, ROOT, read, write, words, el, when, course, idOfAddress, qr, onPage, onAddress, copy, isObject } from "./kit.js";
import { canSeal, canCompress, seal, newId, isClientId, isSecret } from "./seal.js";
import { readLog } from "./practice-log.js";

const TRAINER = KEY + ":trainer"; // {c, k}: the client's id and secret, from the program link
const SENT = KEY + ":sent"; // {sessions: [id], quizzes: [id], at}: what earlier links held
export const LINK_MAX = 2000; // characters: what SMS and chat apps carry whole (CONTRACT.md)

// A program link opened on this phone brings its key; the last one opened is the one kept.
function keyFromLink() {
  const values = new URLSearchParams(location.hash.slice(1));
  const c = values.get("c");
  const k = values.get("k");
  if (isClientId(c) && isSecret(k)) write(TRAINER, { c, k });
  const kept = read(TRAINER, null);
  return isObject(kept) && isClientId(kept.c) && isSecret(kept.k) ? kept : null;
}

function sentBefore() {
  const sent = read(SENT, {});
  const ids = (list) => new Set(Array.isArray(list) ? list.filter((x) => typeof x === "string") : []);
  return { sessions: ids(sent.sessions), quizzes: ids(sent.quizzes) };
}

// The ids of the quizzes this phone's progress names, read from their addresses: the pieces to fetch.
function quizzesTried() {
  const progress = read(KEY, {});
  const paths = [progress.passed, progress.answers].flatMap((kept) => (isObject(kept) ? Object.keys(kept) : []));
  return paths.map(idOfAddress);
}

// Quizzes passed and the self-check's level, from saved progress and the course's own data.
function quizState(found) {
  const progress = read(KEY, {});
  const passed = isObject(progress.passed) ? progress.passed : {};
  const answers = isObject(progress.answers) ? progress.answers : {};
  const quizzes = found ? found.lessons.flatMap((l) => l.quizzes) : [];
  const path = (q) => new URL(q.url, ROOT).pathname;
  const done = quizzes.filter((q) => q.scored && passed[path(q)]);
  let level = null;
  for (const quiz of quizzes.filter((q) => !q.scored && answers[path(q)])) {
    const said = answers[path(quiz)];
    const yes = (id) => isObject(said[id]) && Array.isArray(said[id].v) && said[id].v.includes("yes");
    const hit = (quiz.levels || []).find((lv) => lv.questions.some(yes));
    level = { quiz: quiz.id, level: hit ? hit.id : "", title: hit ? hit.title : "" };
  }
  return { done, level };
}

// The payload (CONTRACT.md): short keys; times in minutes, from the first session's; each exercise and
// place named once in a list and then by its index, so four weeks of sessions stay one short link.
const minutes = (iso) => Math.round(Date.parse(iso) / 60000);
function payload(chosen, quizzes, level) {
  const names = [];
  const index = (name) => (names.includes(name) ? names.indexOf(name) : names.push(name) - 1);
  const first = chosen.length ? minutes(chosen[0].at) : 0;
  const s = chosen.map((x) => [x.id, minutes(x.at) - first, index(x.lesson || x.program || ""),
    x.items.map((i) => [index(i.id), i.sets, i.of]), x.effort, x.pain, x.note]);
  const value = { v: 1, i: newId(10), f: first, n: names, s, q: quizzes.map((q) => q.id) };
  if (level) value.c = [level.quiz, level.level];
  return value;
}

async function fit(state, secret) {
  const { sessions, quizzes, level } = state;
  let count = sessions.length;
  for (;;) {
    const chosen = state.newest ? sessions.slice(sessions.length - count) : sessions.slice(0, count);
    const token = await seal(payload(chosen, quizzes, level), { client: secret.c, secret: secret.k, compress: true });
    const url = new URL("shared/inbox/", ROOT).href + "#r=" + token;
    if (url.length <= LINK_MAX || count === 0) return { url, chosen, total: sessions.length };
    count = Math.min(count - 1, Math.floor((count * LINK_MAX) / url.length));
  }
}

function previewItems(t, chosen, state) {
  const lines = chosen.map((s) => {
    const items = s.items.map((i) => t("send_sets", { item: i.id.split("/").pop(), sets: i.sets, of: i.of }));
    const feel = t("send_feel", {
      effort: s.effort === null ? t("send_not_noted") : s.effort, pain: s.pain === null ? t("send_not_noted") : s.pain,
    });
    return el("li", {}, [when(s.at), ...items, feel, s.note ? `“${s.note}”` : ""].filter(Boolean).join(" · "));
  });
  if (state.quizzes.length) lines.push(el("li", { textContent: t("send_quizzes", { titles: state.quizzes.map((q) => q.title).join(", ") }) }));
  if (state.level) lines.push(el("li", { textContent: t("send_level", { level: state.level.title || "—" }) }));
  return lines;
}

function gather(box, found) {
  const again = box.querySelector("[data-cq-send-again]").checked;
  const before = again ? { sessions: new Set(), quizzes: new Set() } : sentBefore();
  const { done, level } = quizState(found);
  const row = box.querySelector("[data-cq-send-level-row]");
  row.hidden = !level;
  return {
    sessions: readLog().sessions.filter((s) => !before.sessions.has(s.id)),
    quizzes: done.filter((q) => !before.quizzes.has(q.id)),
    level: level && box.querySelector("[data-cq-send-level]").checked ? level : null,
    newest: again, // sending everything again: the newest first, if they do not all fit
  };
}

async function refresh(box, t, secret, found) {
  const state = gather(box, found);
  const say = box.querySelector("[data-cq-send-state]");
  const empty = !state.sessions.length && !state.quizzes.length && !state.level;
  say.hidden = !empty;
  say.textContent = empty ? t("send_nothing") : "";
  box.querySelector("[data-cq-send-make]").disabled = empty;
  box.querySelector("[data-cq-send-result]").hidden = true;
  const made = empty ? null : await fit(state, secret);
  box.querySelector("[data-cq-send-preview]").replaceChildren(...(made ? previewItems(t, made.chosen, state) : []));
  box.querySelector("[data-cq-send-form]").hidden = false;
  return made && { ...made, state };
}

function markSent(made) {
  const before = sentBefore();
  made.chosen.forEach((s) => before.sessions.add(s.id));
  made.state.quizzes.forEach((q) => before.quizzes.add(q.id));
  write(SENT, { sessions: [...before.sessions], quizzes: [...before.quizzes], at: new Date().toISOString() });
}

async function show(box, t, made) {
  const result = box.querySelector("[data-cq-send-result]");
  const link = result.querySelector("[data-cq-send-link]");
  link.href = made.url;
  link.textContent = made.url;
  const text = t("send_message", { url: made.url });
  const subject = t("send_subject");
  result.querySelector("[data-cq-send-sms]").href = "sms:?&body=" + encodeURIComponent(text);
  result.querySelector("[data-cq-send-email]").href = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
  result.querySelector("[data-cq-send-share]").dataset.cqText = text;
  result.hidden = false;
  markSent(made);
  const say = box.querySelector("[data-cq-send-say]");
  const left = made.total - made.chosen.length;
  say.textContent = left > 0 ? t("send_more", { count: made.chosen.length, total: made.total }, made.total) : t("send_ready");
  await qr(result.querySelector("[data-cq-send-qr]"), made.url, t("qr_alt", { url: t("send_subject") }));
}

let recount = null; // counts again what is new since the last send, for the panel on this page

function wire(box, t, secret, found) {
  let made = null;
  const again = async () => { made = await refresh(box, t, secret, found); };
  recount = again;
  box.querySelectorAll("[data-cq-send-again], [data-cq-send-level]").forEach((c) => c.addEventListener("change", again));
  box.querySelector("[data-cq-send-make]").addEventListener("click", async () => {
    if (made) await show(box, t, made);
  });
  const result = box.querySelector("[data-cq-send-result]");
  const say = (text) => { box.querySelector("[data-cq-send-say]").textContent = text; };
  result.querySelector("[data-cq-send-copy]").addEventListener("click", () => {
    const url = result.querySelector("[data-cq-send-link]").href;
    copy(url, say, t("link_copied", { url }));
  });
  const share = result.querySelector("[data-cq-send-share]");
  share.hidden = !navigator.share;
  share.addEventListener("click", () => {
    navigator.share({ title: t("send_subject"), text: share.dataset.cqText }).catch(() => {});
  });
  return again();
}

async function start() {
  const box = document.querySelector("[data-cq-send-practice]:not([data-cq-ready])");
  if (!box) return;
  box.setAttribute("data-cq-ready", "");
  const t = words(box);
  const secret = keyFromLink();
  const state = box.querySelector("[data-cq-send-state]");
  box.hidden = false;
  if (!secret || !canSeal()) {
    state.textContent = t(secret ? "send_needs_secure" : "send_needs_key");
    state.hidden = false;
    return;
  }
  box.dataset.cqPacked = canCompress() ? "deflate" : "json"; // for tests and support: how links are packed here
  await wire(box, t, secret, await course(quizzesTried()));
}

onPage(start);
// The program link opened again (or another one): take its key, and count again what is new.
onAddress(() => {
  keyFromLink();
  if (recount) recount();
});
