// Bundles the CLI into dist/ with esbuild: one entry, lazy chunks for the UI and the engine.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { fastStringWidth, missingPatches, yogaWithoutFetch } from "./bundle-plugins.mjs";

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist", { recursive: true });

const result = await build({
	entryPoints: { cli: "src/main.ts" },
	metafile: true,
	outdir: "dist",
	bundle: true,
	splitting: true,
	format: "esm",
	platform: "node",
	target: "node20",
	minify: true,
	sourcemap: false,
	legalComments: "none",
	chunkNames: "chunks/[name]-[hash]",
	define: {
		"process.env.NODE_ENV": '"production"',
		"process.env.DEV": '"false"',
	},
	// Ink's devtools branch imports react-devtools-core, which we never use.
	alias: { "react-devtools-core": "./scripts/empty-module.mjs" },
	plugins: [fastStringWidth(), yogaWithoutFetch()],
	// CommonJS dependencies inside an ESM bundle need a require().
	banner: {
		js: "import { createRequire as __genesisCreateRequire } from 'node:module'; const require = __genesisCreateRequire(import.meta.url);",
	},
	logLevel: "warning",
});
writeFileSync("dist/package.json", JSON.stringify({ type: "module" }));

// Both start-up patches must be in the bundle: an upgrade that skips one fails the build instead of slowing every start.
const missing = missingPatches(
	result.metafile,
	Object.keys(result.metafile.outputs)
		.filter((o) => o.endsWith(".js"))
		.map((o) => readFileSync(o, "utf8")),
);
if (missing.length) {
	for (const m of missing) console.error(`build: ${m}`);
	process.exit(1);
}
