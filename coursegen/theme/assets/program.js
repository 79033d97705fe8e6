/* Programs made in the browser: the trainer's prescribe page, the client's prescribed program, and
   calendar reminders for any program. The markup contract and the link format are in CONTRACT.md
   ("Programs made in the browser"). Everything from a link is shown with textContent, cut to its limit. */
import { ROOT, onPage, t } from "./common.js";
import { course, formDoses, onAddress } from "./kit.js";
import { pickReady } from "./pick.js";
import { qr } from "./progress.js";

const DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]; // Date.getDay() order
const MAX_LESSONS = 100;
const el = (tag, props, ...children) => {
  const node = Object.assign(document.createElement(tag), props || {});
  node.append(...children);
  return node;
};

// ---- The trainer's page: pick, order, note, then a link, a QR code and ways to send it. ----

function prescribe(form) {
  if (form.hasAttribute("data-cq-ready")) return;
  form.setAttribute("data-cq-ready", "");
  form.hidden = false;
  const list = form.querySelector("[data-cq-pick]");
  const say = (text) => { form.querySelector("[data-cq-say]").textContent = text; };
  pickReady(form, say);
  list.addEventListener("click", (event) => {
    const button = event.target.closest("[data-cq-shift]");
    if (!button) return;
    const item = button.closest("li");
    const up = +button.dataset.cqShift < 0;
    const other = up ? item.previousElementSibling : item.nextElementSibling;
    if (!other) return;
    if (up) other.before(item); else other.after(item);
    button.focus();
    say(t("moved", { place: [...list.children].indexOf(item) + 1 }));
    refresh();
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); make(form, say, true); });
  const refresh = () => { if (!form.querySelector("[data-cq-result]").hidden) make(form, say, false); };
  form.addEventListener("change", refresh);
  form.addEventListener("input", refresh);
  const result = form.querySelector("[data-cq-result]");
  result.querySelector("[data-cq-copy]").addEventListener("click", async () => {
    const url = result.querySelector("[data-cq-link]").href;
    try { await navigator.clipboard.writeText(url); say(t("link_copied", { url })); } catch (e) { say(url); }
  });
  const share = result.querySelector("[data-cq-send-share]");
  share.hidden = !navigator.share;
  share.addEventListener("click", () => {
    navigator.share({ title: document.title, text: share.dataset.cqText, url: result.querySelector("[data-cq-link]").href })
      .catch(() => {});
  });
}

// The link: the fragment holds the selection, so it never reaches a server (CONTRACT.md).
function prescription(form) {
  const values = new URLSearchParams();
  const picked = [...form.querySelectorAll("[data-cq-pick] input:checked")].map((i) => i.value);
  values.set("l", picked.join(","));
  if (!form.elements.quizzes.checked) values.set("q", "0");
  const name = form.elements.name.value.trim().slice(0, form.elements.name.maxLength);
  const note = form.elements.note.value.trim().slice(0, form.elements.note.maxLength);
  if (name) values.set("n", name);
  if (note) values.set("m", note);
  const days = [...form.querySelectorAll("input[name=days]:checked")].map((i) => i.value);
  if (days.length) values.set("d", days.join(","));
  const doses = formDoses(form); // only the doses the trainer changed
  if (doses) values.set("x", doses);
  // The client's id and secret for sealed practice links, made by keys.js (CONTRACT.md).
  const { client, secret } = form.elements;
  if (client && client.value && secret && secret.value) { values.set("c", client.value); values.set("k", secret.value); }
  return { picked, name, url: new URL("shared/program/", ROOT).href + "#" + values.toString() };
}

async function make(form, say, announce) {
  const { picked, name, url } = prescription(form);
  const result = form.querySelector("[data-cq-result]");
  if (!picked.length) { result.hidden = true; return say(t("prescribe_none", {})); }
  const link = result.querySelector("[data-cq-link]");
  link.href = url;
  link.textContent = url;
  const text = name ? t("prescribe_message_named", { name, url }) : t("prescribe_message", { url });
  const subject = t("prescribe_subject", { course: document.querySelector("meta[property='og:site_name']")?.content || document.title });
  // "sms:?&body=" is the form both iOS and Android read.
  result.querySelector("[data-cq-send-sms]").href = "sms:?&body=" + encodeURIComponent(text);
  result.querySelector("[data-cq-send-email]").href =
    `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
  result.querySelector("[data-cq-send-share]").dataset.cqText = text;
  const first = result.hidden;
  result.hidden = false;
  await qr(result.querySelector("[data-cq-qr]"), url);
  if (announce) {
    say(t("prescribe_ready", {}));
    if (first) result.querySelector("h2").focus();
  }
}

// ---- The client's program, built from the link and the course's own data. ----

function readLink(box) {
  const values = new URLSearchParams(location.hash.slice(1));
  const ids = [...new Set((values.get("l") || "").split(",").filter(Boolean))].slice(0, MAX_LESSONS);
  return {
    ids,
    quizzes: values.get("q") !== "0",
    name: (values.get("n") || "").trim().slice(0, +box.dataset.cqNameMax),
    note: (values.get("m") || "").trim().slice(0, +box.dataset.cqNoteMax),
    days: (values.get("d") || "").split(",").filter((d) => DAYS.includes(d)),
  };
}

async function prescribed(box) {
  const link = readLink(box);
  const found = await course(link.ids); // only the pieces of the link's lessons
  const lessons = found ? link.ids.map((id) => found.lessons.find((l) => l.id === id)).filter(Boolean) : [];
  const parts = [];
  if (link.name) parts.push(el("p", { className: "cq-for", textContent: t("for_client", { name: link.name }) }));
  if (link.note) {
    parts.push(el("section", { className: "cq-note" }, el("h2", { textContent: t("note_heading", {}) }),
      ...link.note.split(/\n+/).map((line) => el("p", { textContent: line }))));
  }
  const stale = link.ids.length - lessons.length;
  if (lessons.length && stale) {
    parts.push(el("p", { className: "cq-stale", textContent: t("stale_lessons", { count: stale }, stale) }));
  }
  if (!lessons.length) parts.push(el("p", { className: "cq-stale", textContent: t("empty_program", {}) }));
  else parts.push(...programList(lessons, link), ...programTools(lessons, link));
  box.replaceChildren(...parts);
  box.hidden = false;
  const panel = document.querySelector("[data-cq-progress]");
  if (panel) panel.toggleAttribute("data-cq-lessons-only", !link.quizzes);
  document.dispatchEvent(new CustomEvent("cq:program"));
}

function programList(lessons, link) {
  const items = lessons.map((lesson) => {
    const item = el("li", {}, el("a", { href: new URL(lesson.url, ROOT).href, textContent: lesson.title }),
      el("br"), lesson.summary);
    if (link.quizzes) {
      lesson.quizzes.forEach((q) => item.append(el("br"), el("a", {
        className: "cq-program-quiz", href: new URL(q.url, ROOT).href, textContent: q.title,
      })));
    }
    return item;
  });
  return [el("ol", { className: "cq-program" }, ...items)];
}

function programTools(lessons, link) {
  const count = lessons.length;
  const print = el("button", { type: "button", className: "cq-button", textContent: t("print_program", { count }, count) });
  const handout = el("div", { className: "cq-print-all" });
  handout.hidden = true;
  print.addEventListener("click", () => printAll(lessons, handout, print));
  const title = t("prescribed_title", {});
  const reminders = el("div", { className: "cq-reminders" });
  Object.assign(reminders.dataset, {
    cqReminders: "", cqDays: link.days.join(","), cqTime: "08:00", cqCount: String(count),
    cqTitle: t("reminder_summary", { program: title }), cqText: t("reminder_text", {}),
  });
  setupReminders(reminders);
  return [el("p", { className: "cq-program-tools" }, print), reminders, handout];
}

// Printing as one handout: each lesson's title, summary, first figure and practice, from its own page.
async function printAll(lessons, handout, button) {
  button.disabled = true;
  button.after(el("span", { className: "cq-say", textContent: " " + t("handout_loading", {}) }));
  const pages = await Promise.all(lessons.map((l) => fetch(new URL(l.url, ROOT)).then((r) => r.text()).catch(() => "")));
  handout.replaceChildren(...pages.flatMap((html, i) => lessonHandout(html, lessons[i], i + 1)));
  button.disabled = false;
  button.nextSibling.remove();
  window.print();
}

function lessonHandout(html, lesson, number) {
  const base = new URL(lesson.url, ROOT);
  const article = new DOMParser().parseFromString(html, "text/html").querySelector("article");
  const heading = el("h2", { textContent: `${number}. ${lesson.title}` });
  if (!article) return [heading, el("p", { textContent: lesson.summary })];
  const kids = [...article.children];
  const start = kids.findIndex((n) => n.classList.contains("cq-handout"));
  const end = kids.findIndex((n) => n.classList.contains("cq-quizzes"));
  const practice = start < 0 ? [] : kids.slice(start + 1, end < 0 ? undefined : end)
    .filter((n) => !n.hidden && !n.matches(".cq-share, .cq-progress"));
  const figure = article.querySelector(".cq-figure");
  const nodes = [el("p", { textContent: lesson.summary }), ...(figure ? [figure] : []), ...practice];
  return [heading, ...nodes.map((node) => {
    const copy = document.importNode(node, true);
    copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
    copy.querySelectorAll("[id]").forEach((n) => n.removeAttribute("id"));
    copy.querySelectorAll("img[src]").forEach((img) => { img.src = new URL(img.getAttribute("src"), base).href; });
    copy.querySelectorAll("h2").forEach((h) => h.replaceWith(el("h3", { textContent: h.textContent })));
    return copy.matches("h2") ? el("h3", { textContent: copy.textContent }) : copy; // under the lesson's h2
  })];
}

// ---- Reminders: an iCalendar file made when asked, from today, ending with the program. ----

function setupReminders(box) {
  if (box.hasAttribute("data-cq-ready")) return;
  box.setAttribute("data-cq-ready", "");
  const id = "cq-time-" + Math.random().toString(36).slice(2, 8);
  const time = el("input", { type: "time", id, value: box.dataset.cqTime || "08:00", required: true });
  const button = el("button", { type: "button", className: "cq-button", textContent: t("add_reminders", {}) });
  const status = el("p", { className: "cq-say" });
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  button.addEventListener("click", () => {
    const made = calendar(box, time.value || "08:00");
    const file = new Blob([made.text], { type: "text/calendar;charset=utf-8" });
    const save = el("a", { href: URL.createObjectURL(file), download: "reminders.ics" });
    document.body.append(save);
    save.click();
    save.remove();
    status.textContent = t("reminders_ready", { count: made.count, date: made.start.toLocaleDateString(document.documentElement.lang || undefined) }, made.count);
  });
  box.replaceChildren(el("p", { className: "cq-reminder-row" }, el("label", { htmlFor: id, textContent: t("reminders_time", {}) }), " ", time, " ", button), status);
  box.hidden = false;
}

const two = (n) => String(n).padStart(2, "0");
const stamp = (d, utc) => utc
  ? `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`
  : `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}T${two(d.getHours())}${two(d.getMinutes())}00`;
const escapeText = (text) => text.replace(/[\\;,]/g, (c) => "\\" + c).replace(/\r?\n/g, "\\n");
// Lines longer than 75 octets are folded (RFC 5545); 60 characters stay under it in UTF-8 for most text.
const fold = (line) => line.match(/.{1,60}/gu).join("\r\n ");

function calendar(box, hhmm) {
  const days = (box.dataset.cqDays || "").split(",").filter((d) => DAYS.includes(d));
  const count = Math.max(1, Math.min(+box.dataset.cqCount || 1, MAX_LESSONS));
  const [hour, minute] = hhmm.split(":").map(Number);
  const start = new Date();
  start.setHours(hour, minute, 0, 0);
  // The first practice day from today on: the rule's own days, so DTSTART is its first occurrence.
  while (days.length && !days.includes(DAYS[start.getDay()])) start.setDate(start.getDate() + 1);
  const rule = days.length ? `FREQ=WEEKLY;BYDAY=${days.join(",")};COUNT=${count}` : `FREQ=DAILY;COUNT=${count}`;
  const summary = escapeText(box.dataset.cqTitle || "");
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coursegen//practice reminders//EN", "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}@coursegen`,
    `DTSTAMP:${stamp(new Date(), true)}`,
    `DTSTART:${stamp(start, false)}`, // floating local time: the reader's own clock, wherever they are
    "DURATION:PT15M",
    `RRULE:${rule}`,
    `SUMMARY:${summary}`,
    // The link on a line of its own. No template literal inside another: rjsmin misreads it and drops its spaces.
    `DESCRIPTION:${escapeText([box.dataset.cqText, location.href].filter(Boolean).join("\n"))}`,
    "BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${summary}`, "TRIGGER:PT0M", "END:VALARM",
    "END:VEVENT", "END:VCALENDAR",
  ];
  return { text: lines.map(fold).join("\r\n") + "\r\n", count, start };
}

function init() {
  const form = document.querySelector("[data-cq-prescribe]");
  if (form) prescribe(form);
  const box = document.querySelector("[data-cq-prescribed]");
  if (box) prescribed(box);
  document.querySelectorAll("[data-cq-reminders]").forEach(setupReminders);
}

// A new fragment on the program page (a second link opened in the same tab) shows that program.
onAddress(() => {
  const box = document.querySelector("[data-cq-prescribed]");
  if (box) prescribed(box);
});
onPage(init);
