// Bundles the CLI into dist/ with esbuild: one entry, lazy chunks for the UI and the engine.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { fastStringWidth, yogaWithoutFetch } from "./bundle-plugins.mjs";

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

// Ink's string-width must have gone through the fast path (a new major version would silently skip it).
if (!Object.keys(result.metafile.inputs).some((k) => k.startsWith("fast-string-width:")))
	console.warn(
		"build: string-width 8 was not found in the bundle; its fast path (bundle-plugins.mjs) is unused.",
	);
