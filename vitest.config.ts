import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Cleanup hooks remove large temporary folders (a packed install, a generated catalog): on a
    // loaded machine that took longer than vitest's default 10 s.
    hookTimeout: 60_000,
    pool: "forks",
    // Finds or installs the Chromium the site's browser tests need (test/setup/chromium.ts).
    globalSetup: ["test/setup/global-browser.ts"],
  },
});
