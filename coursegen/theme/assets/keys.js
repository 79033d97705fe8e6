/* The prescribe page's part of sealed practice links (CONTRACT.md, "Sealed practice links"): a random
   id and secret for each client, in hidden fields that program.js puts in the link's fragment, and the
   client kept on this phone when the link is made. `#client=ID` reopens a client's program to update it. */
import { fillDoses, formDoses, words, onPage } from "./kit.js";
import { placeLessons } from "./pick.js";
import { newId, newSecret } from "./seal.js";
import { loadClients, recordClient } from "./clients.js";

// The client's program in the form: their lessons on top, ticked, no others (built from their pieces only).
async function fill(form, record) {
  form.elements.quizzes.checked = record.program.q;
  form.elements.name.value = record.name;
  form.elements.note.value = record.program.m;
  form.querySelectorAll("input[name=days]").forEach((box) => { box.checked = record.program.d.includes(box.value); });
  await placeLessons(form, record.program.l, true);
  fillDoses(form, record.program.x);
}

function record(form) {
  const picked = [...form.querySelectorAll("[data-cq-pick] input:checked")].map((i) => i.value);
  if (!picked.length) return;
  recordClient({
    id: form.elements.client.value,
    secret: form.elements.secret.value,
    name: form.elements.name.value.trim().slice(0, form.elements.name.maxLength),
    program: {
      l: picked, q: form.elements.quizzes.checked, m: form.elements.note.value.trim().slice(0, form.elements.note.maxLength),
      d: [...form.querySelectorAll("input[name=days]:checked")].map((i) => i.value), x: formDoses(form),
    },
  });
}

function start() {
  const form = document.querySelector("[data-cq-prescribe]:not([data-cq-keyed])");
  if (!form) return;
  form.setAttribute("data-cq-keyed", "");
  const t = words(form);
  const wanted = new URLSearchParams(location.hash.slice(1)).get("client");
  const known = wanted && loadClients()[wanted];
  form.elements.client.value = known ? known.id : newId();
  form.elements.secret.value = known ? known.secret : newSecret();
  if (known) {
    fill(form, known);
    const same = form.querySelector("[data-cq-same-client]");
    same.textContent = t("inbox_same_client", { name: known.name || known.id });
    same.hidden = false;
  }
  form.addEventListener("submit", () => record(form));
  // Once the link is made, later edits remake it (program.js); keep the record in step with the link.
  form.addEventListener("change", () => { if (!form.querySelector("[data-cq-result]").hidden) record(form); });
}

onPage(start);
