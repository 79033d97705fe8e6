/* Register the course's service worker (sw.js at the site root), which keeps the course for offline
   reading, or, when offline reading is turned off, removes what an earlier visit kept. Where a page holds
   `data-cq-keep` (CONTRACT.md) and the course is too big to be kept whole at once, offer the reader to
   keep all of it; its size comes from the worker's list (offline.json), made at build time. Once the reader
   opened a program, ask the worker to keep its lessons, so they work offline before they are read. */
import { ROOT, onPage, t } from "./common.js";
import { openProgram } from "./remembered.js";

const KEPT = "cq-keep-whole"; // the worker makes this cache once the whole course is kept
const works = "serviceWorker" in navigator && location.protocol !== "file:";
if (works) navigator.serviceWorker.register(new URL("sw.js", ROOT), { scope: ROOT.pathname }).catch(() => {});

// Ask the active worker something over a MessageChannel; resolves with its answer's `kept`.
const ask = (message) => navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => resolve(Boolean(event.data && event.data.kept));
  registration.active.postMessage(message, [channel.port2]);
}));

function offer(box, list) {
  const button = box.querySelector("[data-cq-keep-button]");
  const status = box.querySelector("[data-cq-keep-status]");
  const megabytes = Math.max(list.rest_bytes / 1e6, 0.1);
  const size = new Intl.NumberFormat(document.documentElement.lang || "en", { maximumFractionDigits: 1 }).format(megabytes);
  button.textContent = t("keep_course", { size });
  box.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    status.textContent = t("keep_course_busy", {});
    ask({ type: "keep-whole" }).then((kept) => {
      status.textContent = t(kept ? "keep_course_done" : "keep_course_failed", {});
      button.hidden = kept;
      button.disabled = false;
    });
  });
}

function offerWhole() {
  const box = document.querySelector("[data-cq-keep]:not([data-cq-ready])");
  if (!box || !works || !("caches" in window)) return;
  box.setAttribute("data-cq-ready", "");
  Promise.all([fetch(new URL("offline.json", ROOT)).then((r) => (r.ok ? r.json() : null)), caches.has(KEPT)])
    .then(([list, kept]) => {
      if (list && list.rest.length && !kept) offer(box, list);
    })
    .catch(() => {});
}

// The lessons of the program the reader opened (share.js remembers it), as URLs from the site root. Asked
// on every page and on `cq:program`, after the handlers of that moment, so share.js has remembered it; the
// worker fetches only what it lacks, so asking again costs no download.
function keepProgram() {
  setTimeout(() => {
    const program = works && openProgram();
    if (!program) return;
    const pages = program.lessons.map((lesson) => new URL(lesson.path, location.origin).href)
      .filter((href) => href.startsWith(ROOT.href))
      .map((href) => href.slice(ROOT.href.length));
    if (pages.length) ask({ type: "keep-program", pages }).catch(() => {});
  });
}

onPage(() => {
  offerWhole();
  keepProgram();
});
document.addEventListener("cq:program", keepProgram);
