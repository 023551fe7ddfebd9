/** `mlcat dev`: Astro's dev server on the computed data, recomputed when a catalog file changes. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startDevServer } from "../../src/site-build/dev-server.js";
import { FIXTURE } from "./fixture.js";

const dir = mkdtempSync(join(tmpdir(), "mlcat-dev-"));
cpSync(FIXTURE, dir, { recursive: true });
let stop: (() => Promise<void>) | undefined;
afterAll(async () => {
  await stop?.();
  rmSync(dir, { recursive: true, force: true });
});

/** Fetch a page until `test` passes (the reload is debounced), or give up. */
async function fetchUntil(url: string, test: (html: string) => boolean, ms = 15_000): Promise<string> {
  const end = Date.now() + ms;
  let html = "";
  while (Date.now() < end) {
    html = await (await fetch(url)).text();
    if (test(html)) return html;
    await new Promise((r) => setTimeout(r, 200));
  }
  return html;
}

describe("mlcat dev", () => {
  it("serves the catalog, shows an edit on the next request, and keeps the last good data when an edit breaks the catalog", async () => {
    const reloads: boolean[] = [];
    // Astro turns its dev-server middleware off when it sees VITEST; this test wants the real server.
    const vitest = process.env.VITEST;
    delete process.env.VITEST;
    const dev = await startDevServer({ dir, port: 0, history: false, onReload: ({ ok }) => reloads.push(ok) }).finally(
      () => {
        process.env.VITEST = vitest;
      },
    );
    stop = dev.stop;
    const page = new URL("hub/acme/train/", dev.url).href;
    expect(await (await fetch(page)).text()).toContain("Train a gradient-boosted model on a Parquet table.");

    const file = join(dir, "orgs/acme/components/train/component.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replace("Train a gradient-boosted model on a Parquet table.", "Train a live-reloaded model."),
    );
    expect(await fetchUntil(page, (h) => h.includes("Train a live-reloaded model."))).toContain(
      "Train a live-reloaded model.",
    );

    writeFileSync(file, text.replace("owner: alice", "owner: nobody-at-all"));
    await fetchUntil(page, () => reloads.includes(false));
    expect(reloads).toContain(false);
    expect(await (await fetch(page)).text()).toContain("Train a live-reloaded model.");
  }, 60_000);
});
