// esbuild plugins for the bundle: two start-up costs of Ink's dependencies that the first frame would otherwise pay, and
// the per-character cost of every frame Ink draws.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fastModule = path.join(root, "src", "ui", "text-width.ts");
const styledCharsModule = path.join(root, "src", "ui", "styled-chars.ts");

/**
 * Resolves an import as esbuild would, then puts it in `namespace` (where the plugin's wrapper loads) when the package
 * (its package.json in `pkgDir` relative to the entry file) has a version starting with `version`.
 */
async function wrapIfVersion(build, args, pkgDir, version, namespace) {
	const real = await build.resolve(args.path, {
		resolveDir: args.resolveDir,
		kind: args.kind,
		importer: args.importer,
		pluginData: "real",
	});
	if (real.errors.length) return { errors: real.errors };
	const pkg = JSON.parse(readFileSync(path.join(path.dirname(real.path), pkgDir, "package.json"), "utf8"));
	return String(pkg.version).startsWith(version) ? { path: real.path, namespace } : { path: real.path };
}

/**
 * Ink's string-width (8.x) answers from src/ui/text-width.ts when the text is made only of characters one column wide,
 * and asks string-width for everything else. Other major versions (wrap-ansi's 7.x) are left as they are; the build
 * fails when no 8.x went through the fast path (missingPatches), so an upgrade of Ink's copy cannot skip it silently.
 */
export function fastStringWidth() {
	return {
		name: "fast-string-width",
		setup(build) {
			build.onResolve({ filter: /^string-width$/ }, (args) =>
				args.pluginData === "real" ? undefined : wrapIfVersion(build, args, ".", "8.", "fast-string-width"),
			);
			build.onLoad({ filter: /.*/, namespace: "fast-string-width" }, (args) => ({
				contents: [
					`import realWidth from ${JSON.stringify(args.path)};`,
					`import { isNarrowText } from ${JSON.stringify(fastModule)};`,
					"export default function stringWidth(text, options) {",
					"\tconst plain = options === undefined || (options.ambiguousIsNarrow !== false && !options.countAnsiEscapeCodes);",
					"\treturn plain && typeof text === 'string' && isNarrowText(text) ? text.length : realWidth(text, options);",
					"}",
				].join("\n"),
				resolveDir: root,
				loader: "js",
			}));
		},
	};
}

/**
 * Ink's output (ink/build/output.js) tokenizes every line of every frame into styled characters and joins them back.
 * Its import of @alcalzone/ansi-tokenize 0.2.x gets the package with tokenize, styledCharsFromTokens and
 * styledCharsToString from src/ui/styled-chars.ts, which give the same results with less work for plain text. The build
 * fails when nothing went through it (missingPatches).
 */
export function fastAnsiTokenize() {
	return {
		name: "fast-ansi-tokenize",
		setup(build) {
			build.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) =>
				args.pluginData === "real" || args.importer === styledCharsModule
					? undefined
					: wrapIfVersion(build, args, "..", "0.2.", "fast-ansi-tokenize"),
			);
			build.onLoad({ filter: /.*/, namespace: "fast-ansi-tokenize" }, (args) => ({
				contents: [
					`export * from ${JSON.stringify(args.path)};`,
					`export { styledCharsFromTokens, styledCharsToString, tokenize } from ${JSON.stringify(styledCharsModule)};`,
				].join("\n"),
				resolveDir: root,
				loader: "js",
			}));
		},
	};
}

/** The tests yoga's Emscripten loader makes before it fetches, and later decodes, its own base64 data: URL. */
export const YOGA_FETCH_TEST = '"function"!=typeof fetch';
export const YOGA_DECODE_START = "function wa(){var a=H;try{";

/**
 * Yoga carries its WebAssembly as a base64 data: URL. When `fetch` exists its loader reads that URL with `fetch`, which
 * makes Node load its whole HTTP client (undici, about 20 ms) for a string already in memory; without `fetch` it
 * decodes with `atob` and a character loop (Node's `atob` takes about 30 ms for yoga's 120 KB). This makes the loader
 * skip `fetch` and decode with `Buffer.from(…, "base64")` (under 1 ms), then instantiate as before. The build fails if
 * the loader no longer looks as expected, so an upgrade cannot silently drop the change.
 */
export function yogaWithoutFetch() {
	return {
		name: "yoga-without-fetch",
		setup(build) {
			build.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
				const patched = patchYogaLoader(readFileSync(args.path, "utf8"));
				if (patched === undefined)
					return {
						errors: [
							{ text: `yoga-without-fetch: the loader in ${args.path} has changed; update the patch` },
						],
					};
				return { contents: patched, loader: "js" };
			});
		},
	};
}

/** The loader with its fetch branches off and a native base64 decode, or undefined when it does not look as expected. */
export function patchYogaLoader(source) {
	if (!source.includes(YOGA_FETCH_TEST) || source.split(YOGA_DECODE_START).length !== 2) return undefined;
	return source
		.replaceAll(YOGA_FETCH_TEST, "!0")
		.replace(
			YOGA_DECODE_START,
			`${YOGA_DECODE_START}if(ua(a)&&"function"==typeof Buffer)return new Uint8Array(Buffer.from(a.slice(37),"base64"));`,
		);
}

/** What the bundled output must contain when both patches applied: checked by the build and by a test. */
export const BUNDLE_MARKERS = {
	yoga: '.slice(37),"base64")',
};

/** The patches that did not reach the bundle: from the build's metafile and its output files' text. */
export function missingPatches(metafile, outputTexts) {
	const missing = [];
	if (!Object.keys(metafile.inputs).some((k) => k.startsWith("fast-string-width:")))
		missing.push("string-width's fast path (fast-string-width) is not in the bundle");
	if (!Object.keys(metafile.inputs).some((k) => k.startsWith("fast-ansi-tokenize:")))
		missing.push("Ink's output without per-character copies (fast-ansi-tokenize) is not in the bundle");
	if (!outputTexts.some((t) => t.includes(BUNDLE_MARKERS.yoga)))
		missing.push("yoga's loader without fetch (yoga-without-fetch) is not in the bundle");
	return missing;
}
