// `make lint` checks the engine's scripts for the browsers in lint/package.json's browserslist. Safari on
// iPhones (iOS 15+) cannot run here, so eslint-plugin-compat checks every API we call against what those
// browsers have. ESLint and the plugin are pinned in lint/ (make lint installs them).
import compat from "./lint/node_modules/eslint-plugin-compat/lib/esm/src/index.js";

const browsers = ["iOS >= 15", "Safari >= 15", "last 2 Chrome versions", "last 2 Firefox versions"];

export default [
  {
    // The vendored QR encoder is an ES module, loaded with import() when a code is drawn.
    files: ["coursegen/theme/assets/vendor/**/*.js"],
    languageOptions: { ecmaVersion: 2021, sourceType: "module" },
    plugins: { compat },
    rules: { "compat/compat": "error" },
    settings: { browsers },
  },
  {
    // The course's scripts are ES modules (import/export, import.meta), which Safari has had since 15.
    files: ["coursegen/theme/assets/**/*.js"],
    ignores: ["coursegen/theme/assets/vendor/**", "coursegen/theme/assets/theme/**"],
    languageOptions: {
      ecmaVersion: 2021,
      sourceType: "module",
      globals: { window: "readonly", document: "readonly", navigator: "readonly", location: "readonly" },
    },
    plugins: { compat },
    rules: { "compat/compat": "error" },
    settings: { browsers },
  },
  {
    // Material's start-up and content scripts, moved into files: classic scripts (document.currentScript).
    files: ["coursegen/theme/assets/theme/**/*.js"],
    languageOptions: {
      ecmaVersion: 2021,
      sourceType: "script",
      globals: { window: "readonly", document: "readonly", navigator: "readonly", location: "readonly" },
    },
    plugins: { compat },
    rules: { "compat/compat": "error" },
    settings: { browsers },
  },
];
