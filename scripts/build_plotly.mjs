// Builds the dashboard's own plotly.js: the core plus only the trace types in
// scripts/plotly_traces.json (about a third of the full bundle on the wire).
//
//     node scripts/build_plotly.mjs [OUT]     (default: assets/vendor/plotly-gcm.min.js)
//
// plotly.js documents custom bundles as `lib/core` plus `Plotly.register` of the wanted traces
// (CUSTOM_BUNDLE.md); this does that with esbuild and the same options plotly.js's own build
// uses (esbuild-config.js: an IIFE that sets the `Plotly` global, `global` as `window`, ES2016).
// The output is committed; tests/integration/test_plotly_bundle.py rebuilds it and compares bytes,
// so the committed file is always what this script makes from the pinned npm packages.
import {build} from "esbuild";
import {readFileSync, writeFileSync, mkdirSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const spec = JSON.parse(readFileSync(resolve(root, "scripts/plotly_traces.json"), "utf8"));
const installed = JSON.parse(readFileSync(resolve(root, "node_modules/plotly.js/package.json"), "utf8")).version;
if (installed !== spec["plotly.js"]) {
    throw new Error(`node_modules has plotly.js ${installed}, scripts/plotly_traces.json pins ${spec["plotly.js"]}: run npm ci`);
}
const out = resolve(process.argv[2] || resolve(root, "assets/vendor/plotly-gcm.min.js"));

const entry = [
    "var Plotly = require('plotly.js/lib/core');",
    "Plotly.register([",
    ...spec.traces.map((name) => `    require('plotly.js/lib/${name}'),`),
    "]);",
    "module.exports = Plotly;",
].join("\n");

const result = await build({
    stdin: {contents: entry, resolveDir: root, sourcefile: "plotly-gcm-entry.js"},
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "Plotly",
    target: "es2016",
    define: {global: "window", "define.amd": "false"},
    // Only the map (maplibre) traces need this stylesheet, and they are not in the bundle.
    loader: {".css": "empty"},
    legalComments: "eof",
    banner: {js: `/*! plotly.js ${spec["plotly.js"]} (MIT, https://github.com/plotly/plotly.js), GCM Progress Dashboard bundle: ${spec.traces.join(", ")}. Built by scripts/build_plotly.mjs. */`},
    write: false,
    logLevel: "warning",
});
mkdirSync(dirname(out), {recursive: true});
writeFileSync(out, result.outputFiles[0].contents);
console.log(`wrote ${out} (${result.outputFiles[0].contents.length} bytes; traces: ${spec.traces.join(", ")})`);
