/**
 * The browser tests find a Chromium or get one: MLCAT_CHROMIUM, PATH, known
 * places; else Debian's package (as root with apt-get), else Playwright's
 * download; else an error that names the commands to run. Fake apt-get and
 * Playwright scripts stand in for the real ones, on a PATH of their own.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findChromium, installSteps, provisionChromium } from "./chromium.js";
import { wantsBrowser } from "./global-browser.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A new folder with executable scripts `name -> body` (shell). */
function bin(scripts: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "mlcat-chromium-test-"));
  dirs.push(dir);
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

const quiet = () => {};

describe("finding Chromium", () => {
  it("takes MLCAT_CHROMIUM first, and only when it is an executable file", () => {
    const dir = bin({ "my-chrome": "exit 0", chromium: "exit 0" });
    expect(findChromium({ env: { MLCAT_CHROMIUM: join(dir, "my-chrome"), PATH: dir } })).toBe(join(dir, "my-chrome"));
    expect(findChromium({ env: { MLCAT_CHROMIUM: join(dir, "missing"), PATH: dir } })).toBeUndefined();
  });

  it("looks on PATH under Chromium's and Chrome's names, then at the known places and Playwright's download", () => {
    const onPath = bin({ "chromium-browser": "exit 0" });
    expect(findChromium({ env: { PATH: `/nonexistent:${onPath}` }, knownPaths: [] })).toBe(
      join(onPath, "chromium-browser"),
    );
    const known = bin({ chrome: "exit 0" });
    expect(findChromium({ env: { PATH: "" }, knownPaths: [join(known, "chrome")] })).toBe(join(known, "chrome"));
    expect(findChromium({ env: { PATH: "" }, knownPaths: [], playwright: join(known, "chrome") })).toBe(
      join(known, "chrome"),
    );
    expect(findChromium({ env: { PATH: "" }, knownPaths: [], playwright: "/nonexistent/chrome" })).toBeUndefined();
  });
});

describe("getting Chromium on a machine without one", () => {
  it("installs Debian's chromium as root where apt-get is, and uses it", () => {
    const tools = bin();
    const log = join(tools, "apt.log");
    // apt-get records its arguments; `install` puts a chromium on PATH, as the package does.
    writeFileSync(
      join(tools, "apt-get"),
      `#!/bin/sh\necho "$@" >> ${log}\n[ "$1" = install ] && printf '#!/bin/sh\\n' > ${tools}/chromium && /bin/chmod +x ${tools}/chromium\nexit 0\n`,
    );
    chmodSync(join(tools, "apt-get"), 0o755);
    const lines: string[] = [];
    const path = provisionChromium({
      env: { PATH: tools },
      knownPaths: [],
      root: true,
      playwrightCli: null,
      log: (l) => lines.push(l),
    });
    expect(path).toBe(join(tools, "chromium"));
    expect(readFileSync(log, "utf8")).toBe("update -qq\ninstall -y -qq --no-install-recommends chromium\n");
    expect(lines).toEqual([
      "mlcat tests: no Chromium found; installing apt-get update...",
      "mlcat tests: no Chromium found; installing Debian's chromium (apt-get install chromium)...",
      `mlcat tests: using ${join(tools, "chromium")}`,
    ]);
  });

  it("tries Playwright's download where apt-get cannot run, and fails with the exact commands to run", () => {
    const tools = bin();
    const cli = join(tools, "playwright-cli.mjs");
    writeFileSync(cli, "process.stderr.write('download failed: host unreachable\\n'); process.exit(1);\n");
    let message = "";
    try {
      provisionChromium({ env: { PATH: tools }, knownPaths: [], root: false, playwrightCli: cli, log: quiet });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("The site's browser tests need Chromium, and none was found");
    expect(message).toContain(
      "Tried to install one: Playwright's Chromium (npx playwright-core install chromium) failed (download failed: host unreachable).",
    );
    expect(message).toContain("sudo apt-get install -y chromium");
    expect(message).toContain("npx playwright-core install chromium");
    expect(message).toContain("export MLCAT_CHROMIUM=/path/to/chromium");
  });

  it("installs nothing when MLCAT_CHROMIUM names a file that is not there: that is the user's choice to fix", () => {
    const tools = bin({ "apt-get": "exit 1" });
    expect(() =>
      provisionChromium({
        env: { PATH: tools, MLCAT_CHROMIUM: "/nonexistent/chromium" },
        knownPaths: [],
        root: true,
        log: quiet,
      }),
    ).toThrow(/^MLCAT_CHROMIUM is \/nonexistent\/chromium, which is not an executable file\./);
  });

  it("orders the ways to get one: apt-get only as root with apt-get on PATH, Playwright's download where installed", () => {
    const what = (m: Parameters<typeof installSteps>[0]) => installSteps(m).map((s) => s.what);
    expect(what({ root: true, aptGet: true, playwrightCli: "cli.js" })).toEqual([
      "apt-get update",
      "Debian's chromium (apt-get install chromium)",
      "Playwright's Chromium (npx playwright-core install chromium)",
    ]);
    expect(what({ root: false, aptGet: true, playwrightCli: "cli.js" })).toEqual([
      "Playwright's Chromium (npx playwright-core install chromium)",
    ]);
    expect(what({ root: true, aptGet: false })).toEqual([]);
  });

  it("provisions for the whole suite and for runs that name the site tests, not for other single files", () => {
    expect(wantsBrowser(undefined)).toBe(true);
    expect(wantsBrowser(["test/site/site.test.ts"])).toBe(true);
    expect(wantsBrowser(["test/pr-check/cli.test.ts"])).toBe(false);
  });
});

describe("this machine", () => {
  it("has a Chromium for the browser tests once the suite's setup ran", () => {
    const path = provisionChromium({ log: quiet });
    expect(findChromium({ env: { MLCAT_CHROMIUM: path } })).toBe(path);
  });
});
