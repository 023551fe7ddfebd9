// Lint: typescript-eslint's recommended rules, plus the type-aware rules that catch
// promises left floating or passed where a function is expected (the check must
// never pass on a rejection nobody awaited). Formatting is Prettier's job.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "site-dist/",
      "public-site/",
      ".tmp/",
      "bench/",
      "coverage/",
      "site/.astro/",
      "test/fixtures/",
      "**/node_modules/",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts", "site/src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // A case listed twice never runs the second time (a merge of two kinds' redactions did that).
      "no-duplicate-case": "error",
      // The legacy globals URL-encode: a local `escape` helper removed leaves its callers on them silently.
      "no-restricted-globals": [
        "error",
        { name: "escape", message: "URL-encodes; use escapeHtml (src/site-data/escape-html.ts)" },
        { name: "unescape", message: "legacy URL decoding; use decodeURIComponent" },
      ],
      // Unused values are errors, but a leading underscore says "ignored on purpose".
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
);
