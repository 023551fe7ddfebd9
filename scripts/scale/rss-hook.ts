/**
 * Preloaded into benchmarked Node processes (`node --import <this file>`):
 * at exit, writes the process's peak resident memory in kilobytes (worker
 * threads included) to the file named by MLCAT_BENCH_RSS_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.MLCAT_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the measurement is lost, not the run
    }
  });
}
