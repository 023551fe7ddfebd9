// @ts-check
/// <reference lib="dom" />
/**
 * The search page's filter panel: one fieldset of checkboxes per filter the
 * pages carry (`data-pagefind-filter` in Layout.astro), built once from every
 * value the index knows. Each search then updates the counts and shows the
 * values that would find something (every value before any search).
 */
import { el } from "./search-text.js";

/** @import { FilterCounts } from "./search-index.js" */

/** The filters, in the order shown. */
export const GROUPS = [
  { id: "kind", label: "Kind" },
  { id: "organization", label: "Organization" },
  { id: "tag", label: "Tag" },
  { id: "stage", label: "Stage" },
];

/** @typedef {{ label: HTMLLabelElement, count: HTMLElement }} Row */

/** The checkboxes of every filter, their counts, and which show. */
export class FilterPanel {
  /**
   * @param {HTMLElement} box where the fieldsets go
   * @param {FilterCounts} totals every value of every filter, with its page count
   * @param {Map<string, Set<string>>} chosen the checked values by filter, kept up to date here
   * @param {() => void} onChange called when a box is checked or unchecked
   */
  constructor(box, totals, chosen, onChange) {
    /** @type {Map<string, Map<string, Row>>} */
    this.rows = new Map();
    /** @type {Map<string, HTMLFieldSetElement>} */
    this.fieldsets = new Map();
    this.chosen = chosen;
    for (const group of GROUPS) {
      const values = new Set([...Object.keys(totals[group.id] ?? {}), ...(chosen.get(group.id) ?? [])]);
      if (values.size === 0) continue;
      const fieldset = el("fieldset");
      fieldset.append(el("legend", "", group.label));
      /** @type {Map<string, Row>} */
      const rows = new Map();
      for (const value of [...values].sort((a, b) => a.localeCompare(b))) {
        const row = this.row(group.id, value, onChange);
        fieldset.append(row.label);
        rows.set(value, row);
      }
      box.append(fieldset);
      this.rows.set(group.id, rows);
      this.fieldsets.set(group.id, fieldset);
    }
  }

  /**
   * The checkbox of one value, its label the value as text, and its count.
   * @param {string} group
   * @param {string} value
   * @param {() => void} onChange
   * @returns {Row}
   */
  row(group, value, onChange) {
    const label = el("label");
    const input = el("input");
    input.type = "checkbox";
    input.name = group;
    input.value = value;
    input.checked = this.chosen.get(group)?.has(value) ?? false;
    input.addEventListener("change", () => {
      const set = this.chosen.get(group) ?? new Set();
      if (input.checked) set.add(value);
      else set.delete(value);
      this.chosen.set(group, set);
      onChange();
    });
    const count = el("span", "count");
    label.append(input, el("span", "filter-value", value), count);
    return { label, count };
  }

  /** Uncheck every box (the caller empties `chosen`). */
  uncheckAll() {
    for (const rows of this.rows.values()) {
      for (const { label } of rows.values()) {
        const input = label.querySelector("input");
        if (input) input.checked = false;
      }
    }
  }

  /**
   * Show `counts`; with `all`, every value shows, else only those that find something or are checked.
   * @param {FilterCounts} counts
   * @param {boolean} all
   */
  update(counts, all) {
    for (const [group, rows] of this.rows) {
      let shown = 0;
      for (const [value, row] of rows) {
        const n = counts[group]?.[value] ?? 0;
        row.count.textContent = String(n);
        row.label.hidden = !all && n === 0 && !(this.chosen.get(group)?.has(value) ?? false);
        if (!row.label.hidden) shown++;
      }
      const fieldset = this.fieldsets.get(group);
      if (fieldset) fieldset.hidden = shown === 0;
    }
  }
}
