// Material for MkDocs' two start-up scripts (partials/javascripts/base.html and palette.html, 9.8), moved into
// one file for CSP and loaded right after the header (main.html), so no script blocks rendering in <head>.
// The storage scope comes from the template through data-scope.
// Below them, the course's own start: Material's bundle waits for the reader's first touch (see the end).
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
try {
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
} catch (e) { /* storage blocked: keep the default palette */ }

/* A link's fragment is anyone's to write. Zensical's bundle reads it with decodeURIComponent, which throws
   "URI malformed" on a broken escape such as #%E0%A4%A; Material's does not. So a fragment that does not
   decode is rewritten with every % escaped, before any other script reads it: it then reads as the text it
   shows, on both engines. It runs again when the fragment changes (popstate comes first, then hashchange),
   before the bundle's own listeners. */
(() => {
  const mend = () => {
    try {
      decodeURIComponent(location.hash);
    } catch (e) {
      history.replaceState(history.state, "", location.pathname + location.search + location.hash.replace(/%/g, "%25"));
    }
  };
  mend();
  addEventListener("popstate", mend);
  addEventListener("hashchange", mend);
})();

/* Material's script bundle is not needed to read a page or answer a quiz, so it waits, held inert in
   <template id="cq-material"> (main.html), until the reader first touches, scrolls or uses a key. Until
   then this script does the bundle's first steps the way the bundle does them, so the two agree: it marks
   the page `js` (which shows the search button), shows the palette toggle's label, and applies and saves
   a palette change with __md_set("__palette"). Material's document$ waits for DOMContentLoaded, which has
   passed by then, so the event is dispatched once more when the bundle has loaded. */
(() => {
  const root = document.documentElement;
  const wait = document.currentScript.hasAttribute("data-wait"); // the bundle waits (not on Zensical)
  root.classList.remove("no-js");
  root.classList.add("js");
  if (wait) root.classList.add("cq-wait"); // until the bundle has started (course.css)

  const form = document.querySelector("[data-md-component=palette]");
  const inputs = form ? [...form.querySelectorAll("input")] : [];
  const matches = (input) => matchMedia(input.getAttribute("data-md-color-media")).matches;
  const show = (index) => inputs.forEach((input, i) => {
    const label = input.nextElementSibling;
    if (label instanceof HTMLElement) label.hidden = i !== index;
  });
  // A palette input's colours, put on <body> as Material's palette component puts them.
  const COLOR = ["media", "scheme", "primary", "accent"];
  const apply = (input) => {
    const color = {};
    for (const key of COLOR) color[key] = input.getAttribute("data-md-color-" + key);
    for (const [key, value] of Object.entries(color)) document.body.setAttribute("data-md-color-" + key, value);
    return color;
  };
  if (inputs.length) {
    let saved = null;
    try { saved = __md_get("__palette"); } catch (e) { /* storage blocked */ }
    const index = saved ? saved.index : inputs.findIndex(matches);
    const chosen = Math.max(0, Math.min(index, inputs.length - 1));
    show(chosen);
    // A first visit: the palette that matches the phone's light or dark setting, which the bundle would
    // otherwise only apply at the first touch (the page would turn dark then).
    if (!saved) {
      // An automatic input (media "(prefers-color-scheme)") takes the colours of the input that matches.
      const auto = inputs[chosen].getAttribute("data-md-color-media") === "(prefers-color-scheme)";
      const matching = inputs.find((i) => i !== inputs[chosen] && matches(i));
      const input = auto && matching ? matching : inputs[chosen];
      // Only a palette other than the page's own changes <body>: a change restyles the whole page.
      const differs = (key) => document.body.getAttribute("data-md-color-" + key) !== input.getAttribute("data-md-color-" + key);
      if (COLOR.slice(1).some(differs)) apply(input);
    }
    form.addEventListener("change", (event) => {
      if (window.document$) return; // Material's palette component has started and does this itself
      const input = event.target;
      const color = apply(input);
      show(inputs.indexOf(input));
      __md_set("__palette", { index: inputs.indexOf(input), color });
    });
  }

  // The first tap on search opens it through its checkbox; the bundle (Material's search) or search.js (the
  // course's), neither started yet, would focus the query.
  document.addEventListener("change", (event) => {
    if (window.document$ || event.target.id !== "__search" || !event.target.checked) return;
    const query = document.querySelector("[data-cq-search-input], [data-md-component=search-query]");
    if (query) query.focus();
  });

  const TRIGGERS = ["pointerdown", "touchstart", "keydown", "scroll", "wheel", "focusin"];
  // A script held in a <template> is inert: a new one with the same attributes runs.
  const revived = (old) => {
    const script = document.createElement("script");
    for (const { name, value } of old.attributes) script.setAttribute(name, value);
    return script;
  };
  const options = { capture: true, passive: true };
  // A held script is added once the page is parsed: a first touch can come while it still loads.
  const whenParsed = (start) => {
    if (document.readyState !== "loading") start();
    else document.addEventListener("DOMContentLoaded", start, { once: true });
  };

  const load = () => {
    const held = document.getElementById("cq-material");
    if (!held) return;
    const scripts = [...held.content.querySelectorAll("script")];
    // complete.css waits here too (the pages link only critical.css, the rules they use); the bundle starts
    // once it has loaded, so nothing it makes or changes is ever shown unstyled. It goes at the end of
    // <body>: instant navigation keeps only the <head> elements the next page has.
    const styles = [...held.content.querySelectorAll("link[rel=stylesheet]")];
    let left = scripts.length;
    const done = () => {
      if (--left) return;
      document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
      root.classList.remove("cq-wait");
    };
    held.remove();
    let waiting = styles.length;
    const start = () => {
      // Once: a stylesheet loads again whenever its href is set again (the bundle resets every href).
      if (waiting-- !== 0) return;
      for (const old of scripts) {
        const script = revived(old);
        script.async = false; // in Material's order
        if (!old.src) { script.text = old.text; document.body.append(script); done(); continue; }
        script.onload = script.onerror = done;
        document.body.append(script);
      }
    };
    for (const link of styles) {
      const sheet = document.importNode(link, true);
      sheet.onload = sheet.onerror = start;
      document.body.append(sheet);
    }
    start();
  };
  const wake = () => {
    TRIGGERS.forEach((type) => removeEventListener(type, wake, options));
    whenParsed(load);
  };
  if (wait) TRIGGERS.forEach((type) => addEventListener(type, wake, options));

  /* The course's own modules wait in <template id="cq-modules"> (main.html), on both engines, until the
     page has loaded (its stylesheet and first figure are in) and the browser is idle, or until the reader
     first touches it if that comes sooner. Linked in the page, they were fetched beside the stylesheet and
     the first figure, on the same few connections, and held the largest paint. What the reader did before
     (a quiz choice, words typed in search) is taken up when its module starts. Each module runs once;
     common.js loads any other a page needs. */
  const startModules = () => {
    removeEventListener("load", afterLoad);
    TRIGGERS.forEach((type) => removeEventListener(type, startModules, options));
    whenParsed(() => {
      const held = document.getElementById("cq-modules");
      if (!held) return;
      held.remove();
      held.content.querySelectorAll("script").forEach((old) => document.body.append(revived(old)));
    });
  };
  // After the load, two frames and then the first idle moment: the page's largest paint is behind it by
  // then. Safari has no idle callback: 50 ms after the two frames there.
  const whenIdle = () => {
    if ("requestIdleCallback" in window) requestIdleCallback(startModules, { timeout: 500 });
    else setTimeout(startModules, 50);
  };
  const afterLoad = () => requestAnimationFrame(() => requestAnimationFrame(whenIdle));
  addEventListener("load", afterLoad);
  TRIGGERS.forEach((type) => addEventListener(type, startModules, options));
})();
