// The esbuild options of the bundle, shared by the build and the tests that read the bundle's graph.
import { fastAnsiTokenize, fastStringWidth, yogaWithoutFetch } from "./bundle-plugins.mjs";

/** @returns {import("esbuild").BuildOptions} */
export function bundleOptions() {
	return {
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
		// The bundled packages' licences go to THIRD_PARTY_NOTICES instead (scripts/notices.mjs).
		legalComments: "none",
		chunkNames: "chunks/[name]-[hash]",
		define: {
			"process.env.NODE_ENV": '"production"',
			"process.env.DEV": '"false"',
		},
		// Ink's devtools branch imports react-devtools-core, which we never use.
		alias: { "react-devtools-core": "./scripts/empty-module.mjs" },
		plugins: [fastStringWidth(), yogaWithoutFetch(), fastAnsiTokenize()],
		// CommonJS dependencies inside an ESM bundle need a require().
		banner: {
			js: "import { createRequire as __genesisCreateRequire } from 'node:module'; const require = __genesisCreateRequire(import.meta.url);",
		},
		logLevel: "warning",
	};
}
