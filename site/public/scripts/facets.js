// @ts-check
/// <reference lib="dom" />
/**
 * The facets of the hub and the registry: checkboxes and a text filter over
 * the list's items (`[data-item]`). Within a facet any checked value matches;
 * across facets all must. The state lives in the URL query
 * (`?stage=production`), so filtered views can be linked. Without JavaScript
 * the whole list shows.
 */

/** The item attribute each facet reads (`data-<name>`), where it is not the facet's own id. */
const ATTRIBUTE = /** @type {Record<string, string>} */ ({ runKind: "runkind" });

function facets() {
  const root = document.querySelector("[data-facets]");
  const text = root?.querySelector("[data-facet-text]");
  if (!root || !(text instanceof HTMLInputElement)) return;
  const items = [...document.querySelectorAll("[data-item]")].filter((i) => i instanceof HTMLElement);
  const boxes = [...root.querySelectorAll("input[data-facet]")].filter((b) => b instanceof HTMLInputElement);
  const count = document.querySelector("[data-result-count]");
  const groups = root.querySelector("[data-facet-groups]");
  const chosenNote = root.querySelector("[data-facet-chosen]");
  // On a phone the checkboxes start folded (open by default without script, and on a wide screen).
  if (groups instanceof HTMLDetailsElement) groups.open = matchMedia("(min-width: 901px)").matches;
  const params = new URLSearchParams(location.search);
  for (const box of boxes) if (params.getAll(box.name).includes(box.value)) box.checked = true;
  text.value = params.get("q") ?? "";

  const apply = () => {
    /** @type {Map<string, string[]>} */
    const chosen = new Map();
    for (const box of boxes) if (box.checked) chosen.set(box.name, [...(chosen.get(box.name) ?? []), box.value]);
    const words = text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      const matches =
        [...chosen].every(([id, values]) => {
          const have = (item.getAttribute(`data-${ATTRIBUTE[id] ?? id}`) ?? "").split(" ");
          return values.some((v) => have.includes(v));
        }) && words.every((w) => (item.dataset.text ?? "").includes(w));
      item.hidden = !matches;
      if (matches) shown++;
    }
    if (count) count.textContent = `${shown} of ${items.length} shown`;
    const checked = boxes.filter((b) => b.checked).length;
    if (chosenNote) chosenNote.textContent = checked > 0 ? ` · ${checked} chosen` : "";
    const next = new URLSearchParams();
    for (const [id, values] of chosen) for (const v of values) next.append(id, v);
    if (words.length > 0) next.set("q", text.value.trim().toLowerCase());
    const query = next.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  for (const box of boxes) box.addEventListener("change", apply);
  text.addEventListener("input", apply);
  root.querySelector("[data-facet-clear]")?.addEventListener("click", () => {
    for (const box of boxes) box.checked = false;
    text.value = "";
    apply();
  });
  apply();
}

facets();
