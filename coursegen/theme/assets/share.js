/* Sharing: the Share button, sending a quiz result to the trainer, and a client's place in a program.
   Reads the markup of overrides/partials/cq-share.html (CONTRACT.md). */
import { mark, onPage, t } from "./common.js";
import { PROGRAM, openProgram } from "./remembered.js";

const say = (text) => {
  const status = document.querySelector("[data-cq-share-status]");
  if (status) status.textContent = text;
};

// Links shared from a page are the address the reader is on, not site_url, which may not be set.
const here = () => location.href.split("#")[0];

async function share(button) {
  const data = { title: button.dataset.cqTitle, url: here() };
  if (navigator.share) {
    try { await navigator.share(data); } catch (e) { /* closed by the reader */ }
    return;
  }
  try {
    await navigator.clipboard.writeText(data.url);
    say(t("link_copied", { url: data.url }));
  } catch (e) {
    say(t("copy_link", { url: data.url }));
  }
}

function offerResult(detail) {
  const link = document.querySelector("[data-cq-send]");
  if (!link) return;
  const d = link.dataset;
  const text = t("result_text", {
    course: d.cqCourse, title: d.cqTitle, right: detail.right, total: detail.total,
    date: new Date().toLocaleDateString(document.documentElement.lang || undefined), url: here(),
  }, detail.right);
  const subject = t("result_subject", { title: d.cqTitle });
  link.href = d.cqEmail
    ? `mailto:${d.cqEmail}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`
    : `sms:${d.cqPhone.replace(/\s/g, "")}?body=${encodeURIComponent(text)}`;
  link.dataset.cqText = text;
  link.hidden = false;
}

function rememberProgram() {
  const marker = document.querySelector("[data-cq-page=program]");
  if (!marker) return;
  const lessons = [...document.querySelectorAll("article ol > li > a[href*='lessons/']")].map((a) => {
    mark(a);
    return { path: new URL(a.href).pathname, title: a.firstChild.textContent };
  });
  try {
    // The fragment is kept: a prescribed program lives in it (program.js).
    const path = location.pathname + location.hash;
    sessionStorage.setItem(PROGRAM, JSON.stringify({ title: document.title, path, lessons }));
  } catch (e) { /* storage blocked: no 'next in your program' */ }
}

function showNextInProgram() {
  const program = openProgram();
  const article = document.querySelector("article");
  if (!program || !article || article.querySelector(".cq-next")) return;
  const at = program.lessons.findIndex((l) => l.path === location.pathname);
  if (at < 0) return;
  const next = program.lessons[at + 1];
  const box = Object.assign(document.createElement("p"), { className: "cq-next" });
  const link = Object.assign(document.createElement("a"), next
    ? { href: next.path, textContent: t("next_in_program", { title: next.title }) }
    : { href: program.path, textContent: t("program_done", {}) });
  box.append(link);
  article.append(box);
}

function init() {
  document.querySelectorAll("[data-cq-share]:not([data-cq-ready])").forEach((button) => {
    button.setAttribute("data-cq-ready", "");
    button.hidden = false;
    button.addEventListener("click", () => share(button));
  });
  const send = document.querySelector("[data-cq-send]:not([data-cq-ready])");
  if (send) {
    send.setAttribute("data-cq-ready", "");
    send.addEventListener("click", (event) => {
      if (!navigator.share || !send.dataset.cqText) return;
      event.preventDefault();
      navigator.share({ text: send.dataset.cqText }).catch(() => {});
    });
  }
  rememberProgram();
  showNextInProgram();
}

document.addEventListener("cq:score", (event) => offerResult(event.detail));
document.addEventListener("cq:program", rememberProgram); // a program built in the browser is listed
onPage(init);
