// Vendors the front-end libraries into wwwroot/lib: installs the exact versions in
// package-lock.json (npm ci) and bundles them with esbuild. Nothing is fetched at run time.
// Run by the web project's build (see Portal.Web.csproj) when its output is missing or older than
// this folder's inputs; by hand: `node src/Portal.Web/ClientLib/build.mjs`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, "..", "wwwroot", "lib", "editor"));

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
// --ignore-scripts: esbuild's binary comes from its platform package; no install script is needed.
execFileSync(npm, ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: here,
    stdio: "inherit",
    shell: process.platform === "win32",
});

const { build } = await import(path.join(here, "node_modules", "esbuild", "lib", "main.js"));
const editorPackage = JSON.parse(fs.readFileSync(path.join(here, "node_modules", "@toast-ui", "editor", "package.json"), "utf8"));

// The portal's Markdown separates paragraphs with a blank line (CommonMark; a single newline is a
// soft break inside one paragraph). Toast UI 3.2.2 writes two WYSIWYG paragraphs with a single
// newline between them (its own preview shows that as a line break), and on the way back turns a
// blank line into an extra empty paragraph. Two exact edits of its source make a WYSIWYG paragraph
// a Markdown paragraph and back; the build fails if the pinned source ever reads differently.
const paragraphPatches = [
    {
        // Markdown to WYSIWYG: no empty paragraph between two paragraphs.
        find: "if (((_b = node.prev) === null || _b === void 0 ? void 0 : _b.type) === 'paragraph') {\n                state.openNode(paragraph, customAttrs);\n                state.closeNode();\n            }\n",
        replace: "",
    },
    {
        // WYSIWYG to Markdown: every paragraph ends its block (a blank line follows).
        find: "if (nextParaNode) {\n                    state.write('\\n');\n                }\n                else {\n                    state.closeBlock(node);\n                }",
        replace: "state.closeBlock(node);",
    },
];
const patchParagraphs = {
    name: "portal-paragraphs",
    setup(esbuild) {
        esbuild.onLoad({ filter: /@toast-ui[\\/]editor[\\/]dist[\\/]esm[\\/]index\.js$/ }, (args) => {
            let source = fs.readFileSync(args.path, "utf8");
            for (const { find, replace } of paragraphPatches) {
                if (source.split(find).length !== 2) {
                    throw new Error(`build.mjs: the paragraph patch no longer matches ${args.path}; review it for this version.`);
                }
                source = source.replace(find, () => replace);
            }
            return { contents: source, loader: "js" };
        });
    },
};

// Written next to the output first and moved into place, so a reader (or a second build running
// at the same time) never sees half a file.
fs.mkdirSync(outDir, { recursive: true });
const staging = fs.mkdtempSync(path.join(outDir, ".staging-"));
try {
    await build({
        entryPoints: [path.join(here, "entry.js")],
        bundle: true,
        minify: true,
        format: "iife",
        target: ["es2019"],
        outfile: path.join(staging, "editor.js"),
        banner: {
            js: `/*! @toast-ui/editor ${editorPackage.version} (MIT), bundled by src/Portal.Web/ClientLib/build.mjs; licences in LICENSES.txt */`,
            css: `/*! @toast-ui/editor ${editorPackage.version} (MIT); licences in LICENSES.txt */`,
        },
        legalComments: "none",
        plugins: [patchParagraphs],
        logLevel: "warning",
    });

    // Every package that ends up in the bundle, with its licence text.
    const lock = JSON.parse(fs.readFileSync(path.join(here, "package-lock.json"), "utf8"));
    const notices = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
        if (!key.startsWith("node_modules/") || entry.dev || key.includes("esbuild")) {
            continue;
        }
        const dir = path.join(here, key);
        const licenceFile = fs.existsSync(dir)
            ? fs.readdirSync(dir).find((name) => /^(licen[cs]e|copying)/i.test(name))
            : undefined;
        const text = licenceFile
            ? fs.readFileSync(path.join(dir, licenceFile), "utf8").trim()
            : `Licence: ${entry.license ?? "see the package"} (the package ships no licence file).`;
        notices.push(`${key.slice("node_modules/".length)} ${entry.version} (${entry.license ?? "unknown"})\n\n${text}`);
    }
    fs.writeFileSync(path.join(staging, "LICENSES.txt"), notices.join("\n\n" + "-".repeat(72) + "\n\n") + "\n");

    for (const name of ["LICENSES.txt", "editor.css", "editor.js"]) {
        fs.renameSync(path.join(staging, name), path.join(outDir, name));
    }
} finally {
    fs.rmSync(staging, { recursive: true, force: true });
}
console.log(`Vendored @toast-ui/editor ${editorPackage.version} into ${outDir}`);
