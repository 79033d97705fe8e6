/* Register the course's service worker (sw.js at the site root), which keeps the course for offline
   reading, or, when offline reading is turned off, removes what an earlier visit kept. */
const root = new URL("../../", import.meta.url);
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {});
}
