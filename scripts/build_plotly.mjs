// Builds the dashboard's own plotly.js: the core plus only the trace types in
// scripts/plotly_traces.json (about a third of the full bundle on the wire).
//
//     node scripts/build_plotly.mjs [OUT]     (default: assets/vendor/plotly-gcm.min.js)
//
// plotly.js documents custom bundles as `lib/core` plus `Plotly.register` of the wanted traces
// (CUSTOM_BUNDLE.md); this does that with esbuild and the same options plotly.js's own build
// uses (esbuild-config.js: an IIFE that sets the `Plotly` global, `global` as `window`, ES2016),
// including its own plugin that strips the attribute descriptions (tasks/compress_attributes.js).
//
// Offline: the dashboard must never reach outside its own origin. plotly.js's defaults name two
// outside addresses that could be requested or opened: the topojson CDN (used when a chart's
// config does not set topojsonURL) and the plotly.com logo link. OFFLINE rewrites both in the
// output, DOC_LINKS drops the scheme from documentation links in error messages, and the build
// fails if a rewrite no longer finds its target, or if any other http(s) address is left that is
// not an XML namespace. The licence notices, with their project addresses, go to a text file.
// The output is committed; tests/integration/test_plotly_bundle.py rebuilds it and compares bytes,
// so the committed file is always what this script makes from the pinned npm packages.
import {build} from "esbuild";
import {createRequire} from "node:module";
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
const stripMeta = createRequire(import.meta.url)(resolve(root, "node_modules/plotly.js/tasks/compress_attributes.js"));

// [what, found in the output, replaced by]
const OFFLINE = [
    ["the default topojsonURL (the page's own assets/ folder instead of cdn.plot.ly)",
     '"https://cdn.plot.ly/un/"', '"assets/"'],
    ["the logo link's address (the logo is never shown: displaylogo is off)",
     '"https://plotly.com/"', '"#"'],
];
// Documentation links inside plotly.js's error messages: kept as readable text, without the
// scheme, so nothing in the bundle is an address a browser could be sent to.
const DOC_LINKS = ["https://github.com/d3/d3-format/", "https://github.com/d3/d3-time-format/",
                   "https://plotly.com/javascript/animations/"];
// Addresses that name an XML namespace, never a place to fetch from.
const NAMESPACE = /^http:\/\/www\.w3\.org\//;

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
    // The bundled packages' licence notices go to a text file beside the bundle (LICENSES below),
    // verbatim; the bundle names it in its banner.
    legalComments: "external",
    plugins: [stripMeta],
    banner: {js: `/*! plotly.js ${spec["plotly.js"]} (MIT licence, github.com/plotly/plotly.js), GCM Progress Dashboard bundle: ${spec.traces.join(", ")}. Built by scripts/build_plotly.mjs; licence notices of the bundled packages: plotly-gcm.LICENSES.txt. */`},
    outfile: out,  // names the outputs; nothing is written until the checks below pass
    write: false,
    logLevel: "warning",
});
const output = (suffix) => result.outputFiles.find((f) => f.path.endsWith(suffix));
let code = output(".js").text;
const licences = output(".LEGAL.txt");
for (const [what, from, to] of OFFLINE) {
    const count = code.split(from).length - 1;
    if (count !== 1) { throw new Error(`offline rewrite of ${what}: found ${from} ${count} times, expected once`); }
    code = code.replace(from, to);
}
for (const link of DOC_LINKS) {
    if (!code.includes(link)) { throw new Error(`documentation link ${link} is no longer in plotly.js: update DOC_LINKS`); }
    code = code.split(link).join(link.replace("https://", ""));
}
const outside = [...new Set(code.match(/https?:\/\/[^"'`\s)\\]+/g) || [])].filter((u) => !NAMESPACE.test(u));
if (outside.length) { throw new Error(`the bundle still names outside addresses: ${outside.join(", ")}`); }
mkdirSync(dirname(out), {recursive: true});
writeFileSync(out, code);
const plotlyLicence = readFileSync(resolve(root, "node_modules/plotly.js/LICENSE"), "utf8");
writeFileSync(out.replace(/\.min\.js$/, ".LICENSES.txt"),
              `plotly.js ${spec["plotly.js"]}:\n\n${plotlyLicence}\n${licences ? licences.text : ""}`);
console.log(`wrote ${out} (${Buffer.byteLength(code)} bytes; traces: ${spec.traces.join(", ")})`);
