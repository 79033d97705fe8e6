/* Register the course's service worker (sw.js at the site root), which keeps the course for offline
   reading, or, when offline reading is turned off, removes what an earlier visit kept. Where a page holds
   `data-cq-keep` (CONTRACT.md) and the course is too big to be kept whole at once, offer the reader to
   keep all of it; its size comes from the worker's list (offline.json), made at build time. */
(() => {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  const root = new URL("../..", document.currentScript.src);
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {});
  const KEPT = "cq-keep-whole"; // the worker makes this cache once the whole course is kept
  const { t, onPage } = window.cq;

  const ask = (worker) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(Boolean(event.data && event.data.kept));
    worker.postMessage({ type: "keep-whole" }, [channel.port2]);
  });

  const offer = (box, list) => {
    const button = box.querySelector("[data-cq-keep-button]");
    const status = box.querySelector("[data-cq-keep-status]");
    const megabytes = Math.max(list.rest_bytes / 1e6, 0.1);
    const size = new Intl.NumberFormat(document.documentElement.lang || "en", { maximumFractionDigits: 1 }).format(megabytes);
    button.textContent = t("keep_course", { size });
    box.hidden = false;
    button.addEventListener("click", () => {
      button.disabled = true;
      status.textContent = t("keep_course_busy", {});
      navigator.serviceWorker.ready.then((registration) => ask(registration.active)).then((kept) => {
        status.textContent = t(kept ? "keep_course_done" : "keep_course_failed", {});
        button.hidden = kept;
        button.disabled = false;
      });
    });
  };

  const start = () => {
    const box = document.querySelector("[data-cq-keep]");
    if (!box || !("caches" in window)) return;
    Promise.all([fetch(new URL("offline.json", root)).then((r) => (r.ok ? r.json() : null)), caches.has(KEPT)])
      .then(([list, kept]) => {
        if (list && list.rest.length && !kept) offer(box, list);
      })
      .catch(() => {});
  };
  onPage(start);
})();
