// @ts-check
/// <reference lib="dom" />
/**
 * The colour theme, set before the page is drawn: loaded without `defer` in
 * <head>, so a dark page never flashes light. The reader's choice (saved by
 * the toggle in site.js), else the system's.
 */
(() => {
  let saved = null;
  try {
    saved = localStorage.getItem("mlcat-theme");
  } catch {
    // Storage can be off (privacy settings): follow the system.
  }
  const dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.dataset.theme = dark ? "dark" : "light";
})();
