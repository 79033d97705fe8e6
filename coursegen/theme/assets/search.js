/* Search on an MkDocs site (CONTRACT.md, "Search"): Material's search box and result list, driven by
   Pagefind's chunked index. Pagefind's script loads when the reader first opens search, and each search
   fetches only the index chunks and page fragments its words need. Every word shown is the course's. The
   header stays through instant navigation, so this runs once. Sends nothing. */
import { ROOT, t } from "./common.js";

const box = document.querySelector("[data-cq-search]");
const toggle = document.getElementById("__search");
const input = box && box.querySelector("[data-cq-search-input]");
const status = box && box.querySelector("[data-cq-search-status]");
const list = box && box.querySelector("[data-cq-search-list]");
const SHOWN = 10; // results shown at once, as Material shows its first page of them
let engine = null;
let asked = 0; // the latest search; an older answer arriving late is dropped

const pagefind = () => {
  if (!engine) {
    engine = import(new URL("pagefind/pagefind.js", ROOT).href).then(async (found) => {
      await found.options({ baseUrl: ROOT.pathname, excerptLength: 24 });
      return found;
    });
    engine.catch(() => { engine = null; }); // offline on a page not kept: try again next time
  }
  return engine;
};

// An excerpt as text with Pagefind's <mark>s and nothing else: read by an inert parser, rebuilt node by node.
const excerpt = (html) => {
  const p = document.createElement("p");
  const body = new DOMParser().parseFromString(html, "text/html").body;
  for (const node of body.childNodes) {
    if (node.nodeName === "MARK") p.append(Object.assign(document.createElement("mark"), { textContent: node.textContent }));
    else p.append(node.textContent);
  }
  return p;
};

// One result, in Material's markup and classes: a link holding the page's title and the excerpt.
const item = (data) => {
  const link = Object.assign(document.createElement("a"), { className: "md-search-result__link", href: data.url });
  const article = Object.assign(document.createElement("article"), { className: "md-search-result__article md-typeset" });
  const icon = Object.assign(document.createElement("div"), { className: "md-search-result__icon md-icon" });
  const title = Object.assign(document.createElement("h1"), { textContent: (data.meta && data.meta.title) || data.url });
  article.append(icon, title, excerpt(data.excerpt || ""));
  link.append(article);
  const li = Object.assign(document.createElement("li"), { className: "md-search-result__item" });
  li.append(link);
  return li;
};

const show = async (query) => {
  const mine = ++asked;
  if (!query.trim()) {
    list.replaceChildren();
    status.textContent = status.dataset.hint;
    return;
  }
  try {
    const found = await (await pagefind()).debouncedSearch(query, {}, 200);
    if (mine !== asked || !found) return; // a later search replaced this one
    const results = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()));
    if (mine !== asked) return;
    list.replaceChildren(...results.map(item));
    const count = found.results.length;
    status.textContent = count ? t("search_count", { count }, count) : t("search_none");
  } catch (e) {
    if (mine === asked) status.textContent = t("search_failed");
  }
};

const open = () => {
  if (!toggle.checked) toggle.click();
};
const close = () => {
  if (toggle.checked) toggle.click();
};

if (box && toggle && input) {
  status.dataset.hint = status.textContent;
  // Material's header button is a label: keyboard readers reach it as a button named by the course's word.
  const button = document.querySelector(".md-header__button[for='__search']");
  if (button) {
    Object.assign(button, { tabIndex: 0 });
    button.setAttribute("role", "button");
    button.setAttribute("aria-label", box.getAttribute("aria-label"));
    button.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
    });
  }
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      pagefind(); // start loading as the box opens, before the first word is typed
      input.focus();
    } else if (button) button.focus({ preventScroll: true });
  });
  input.addEventListener("input", () => show(input.value));
  box.querySelector("[data-cq-search-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  box.querySelector("[data-cq-search-form]").addEventListener("reset", () => {
    setTimeout(() => { show(""); input.focus(); });
  });
  list.addEventListener("click", (event) => { if (event.target.closest("a")) close(); });
  // Search opened, or words typed, before this module started (it starts after the page has loaded).
  if (toggle.checked) pagefind();
  if (input.value) show(input.value);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) { event.preventDefault(); close(); return; }
    const typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (!toggle.checked && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });
}
