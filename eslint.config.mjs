// Type-aware lint for what reviews miss in async code, and Biome cannot check: a promise
// nobody awaits (in a consumer, a lost event) and one passed where nothing will await it
// (an async callback to an event emitter or a React handler). Everything else is Biome's
// (biome.json), including process.env outside env files (style/noProcessEnv).
import tseslint from "typescript-eslint";

export default [
  {
    // What git ignores (local tools and data) and what is generated.
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      ".tools/**",
      ".data/**",
      "bench/results/**",
      "**/*.d.ts",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        // Each file is checked with its own package's tsconfig.json.
        projectService: { allowDefaultProject: ["vitest.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
];
