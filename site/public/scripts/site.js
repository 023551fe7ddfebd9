// @ts-check
/// <reference lib="dom" />
/**
 * What every page does: the theme toggle in the header and the copy buttons
 * of code blocks (`data-copy` names the element whose text is copied).
 * Loaded as a module from the site itself: the Content-Security-Policy allows
 * no inline script.
 */

/** The theme toggle: flips `data-theme` on <html>, remembers it, and says what it will do next. */
function themeToggle() {
  const button = document.getElementById("theme-toggle");
  if (!button) return;
  const root = document.documentElement;
  const sync = () => {
    const dark = root.dataset.theme === "dark";
    button.setAttribute("aria-label", dark ? "Switch to light theme" : "Switch to dark theme");
    button.setAttribute("aria-pressed", String(dark));
  };
  sync();
  button.addEventListener("click", () => {
    const next = root.dataset.theme === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try {
      localStorage.setItem("mlcat-theme", next);
    } catch {
      // Not remembered: the choice lasts for this page.
    }
    sync();
  });
}

/**
 * Copy `el`'s text: through the clipboard API, else by selecting it for the
 * browser's copy command (pages served over plain http have no clipboard API).
 * @param {Element} el
 */
async function copyText(el) {
  try {
    await navigator.clipboard.writeText(el.textContent ?? "");
  } catch {
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    document.execCommand("copy");
  }
}

/** Every copy button: copies, then says "Copied" for a moment. */
function copyButtons() {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    if (!(button instanceof HTMLButtonElement)) continue;
    button.addEventListener("click", async () => {
      const target = document.getElementById(button.dataset.copy ?? "");
      if (!target) return;
      await copyText(target);
      const label = button.textContent;
      button.dataset.copied = "true";
      button.textContent = "Copied";
      setTimeout(() => {
        button.dataset.copied = "false";
        button.textContent = label;
      }, 1600);
    });
  }
}

themeToggle();
copyButtons();
