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
    // Sealed practice links: ES modules, loaded with <script type="module"> only by the pages that use them.
    files: ["coursegen/theme/assets/{kit,seal,send,clients,keys,inbox,chart}.js"],
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
    files: ["coursegen/theme/assets/**/*.js"],
    ignores: ["coursegen/theme/assets/vendor/**", "coursegen/theme/assets/{kit,seal,send,clients,keys,inbox,chart}.js"],
    languageOptions: {
      ecmaVersion: 2021,
      sourceType: "script",
      globals: { window: "readonly", document: "readonly", navigator: "readonly", location: "readonly" },
    },
    plugins: { compat },
    rules: { "compat/compat": "error" },
    settings: { browsers },
  },
  {
    // The practice player and its log are ES modules (issue 24): each page imports what it uses.
    files: ["coursegen/theme/assets/practice*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
  },
];
