/**
 * A compact built-in list of SPDX license and exception ids, used only when
 * the `spdx-license-ids` package is not installed: the licenses models and
 * data sets commonly carry, plus the deprecated GNU ids that parsers accept.
 */

/** Common SPDX license ids (current). */
export const BUILTIN_LICENSE_IDS: readonly string[] = [
  "0BSD", "AFL-3.0", "AGPL-1.0-only", "AGPL-1.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later",
  "Apache-1.0", "Apache-1.1", "Apache-2.0", "APSL-2.0", "Artistic-1.0", "Artistic-2.0", "BlueOak-1.0.0",
  "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause",
  "BSL-1.0", "BUSL-1.1", "C-UDA-1.0", "CAL-1.0",
  "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0",
  "CC-BY-NC-1.0", "CC-BY-NC-2.0", "CC-BY-NC-2.5", "CC-BY-NC-3.0", "CC-BY-NC-4.0",
  "CC-BY-NC-ND-3.0", "CC-BY-NC-ND-4.0", "CC-BY-NC-SA-2.0", "CC-BY-NC-SA-3.0", "CC-BY-NC-SA-4.0",
  "CC-BY-ND-3.0", "CC-BY-ND-4.0", "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
  "CC-PDDC", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0",
  "CECILL-2.1", "CPAL-1.0", "CPL-1.0", "ECL-2.0", "EFL-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2",
  "GFDL-1.3-only", "GFDL-1.3-or-later", "GPL-1.0-only", "GPL-1.0-or-later", "GPL-2.0-only", "GPL-2.0-or-later",
  "GPL-3.0-only", "GPL-3.0-or-later", "HPND", "ISC",
  "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later",
  "LPPL-1.3c", "MIT", "MIT-0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL",
  "MulanPSL-2.0", "NCSA", "O-UDA-1.0", "ODbL-1.0", "ODC-By-1.0", "OFL-1.1", "OpenSSL", "OSL-3.0", "PDDL-1.0",
  "PostgreSQL", "PSF-2.0", "Python-2.0", "Ruby", "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "Vim", "W3C",
  "WTFPL", "X11", "Zlib", "ZPL-2.1",
];

/** Deprecated SPDX ids that license parsers still accept. */
export const BUILTIN_DEPRECATED_IDS: readonly string[] = [
  "AGPL-3.0", "GPL-2.0", "GPL-2.0+", "GPL-3.0", "GPL-3.0+", "LGPL-2.0", "LGPL-2.1", "LGPL-2.1+", "LGPL-3.0", "LGPL-3.0+",
];

/** Common SPDX license exception ids (for `WITH`). */
export const BUILTIN_EXCEPTION_IDS: readonly string[] = [
  "Autoconf-exception-3.0", "Bison-exception-2.2", "Classpath-exception-2.0", "Font-exception-2.0",
  "GCC-exception-2.0", "GCC-exception-3.1", "Linux-syscall-note", "LLVM-exception", "OCaml-LGPL-linking-exception",
  "OpenJDK-assembly-exception-1.0", "Qt-LGPL-exception-1.1", "Swift-exception", "Universal-FOSS-exception-1.0",
  "WxWindows-exception-3.1",
];
