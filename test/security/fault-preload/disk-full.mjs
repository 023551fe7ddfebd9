// Preloaded with `node --import` by the fault tests: from the Nth write whose
// path matches MLCAT_FAULT_PATH (a regular expression), every write stores
// half its data and then fails with ENOSPC, as a full disk does.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const pattern = new RegExp(process.env.MLCAT_FAULT_PATH ?? "$^");
let left = Number(process.env.MLCAT_FAULT_AFTER ?? "0");
const enospc = (path) =>
  Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
    code: "ENOSPC",
    errno: -28,
    syscall: "write",
    path: String(path),
  });
const half = (data) =>
  typeof data === "string" ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1);
const hit = (path) => pattern.test(String(path)) && left-- <= 0;

const writeFile = fs.promises.writeFile;
fs.promises.writeFile = async (path, data, options) => {
  if (!hit(path)) return writeFile(path, data, options);
  await writeFile(path, half(data), options);
  throw enospc(path);
};
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = (path, data, options) => {
  if (!hit(path)) return writeFileSync(path, data, options);
  writeFileSync(path, half(data), options);
  throw enospc(path);
};
syncBuiltinESMExports();
