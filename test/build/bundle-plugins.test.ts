// The bundle's two start-up changes: string-width's fast path must answer exactly what string-width answers, and the
// patched yoga loader must still load a working Yoga (without fetch).

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import stringWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE_MARKERS, missingPatches, patchYogaLoader } from "../../scripts/bundle-plugins.mjs";
import { isNarrowText } from "../../src/ui/text-width";

const NARROW_SAMPLE = "✔⚠✖❯◉◯·—…›→←↑↓≤≥×•✓✗○⋮↔§⏎╭╮╰╯│─⠋⠙é";

describe("text width fast path", () => {
	it("every character it takes for one column is one column to string-width", () => {
		const wrong: string[] = [];
		for (let c = 0; c <= 0xffff; c++) {
			const ch = String.fromCharCode(c);
			if (isNarrowText(ch) && stringWidth(ch) !== 1) wrong.push(c.toString(16));
		}
		expect(wrong).toEqual([]);
	});

	it("covers the glyphs the screens print, and refuses wide, zero-width and control characters", () => {
		for (const ch of NARROW_SAMPLE) expect(isNarrowText(ch), ch).toBe(true);
		for (const ch of ["中", "😀", "◽", "\u0301", "\u00ad", "\u200b", "\u001b", "\t", "\n", "\u2028", "☕"])
			expect(isNarrowText(ch), JSON.stringify(ch)).toBe(false);
	});

	it("agrees with string-width on any string (length where it answers, string-width elsewhere)", () => {
		const ch = fc.oneof(
			fc.constantFrom(...NARROW_SAMPLE),
			fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
			fc.constantFrom("中", "😀", "\u0301", "\u001b[31m", "\u200d", "\ufe0f", "é"),
		);
		fc.assert(
			fc.property(fc.array(ch, { maxLength: 30 }), (parts) => {
				const text = parts.join("");
				const fast = isNarrowText(text) ? text.length : stringWidth(text);
				expect(fast).toBe(stringWidth(text));
			}),
			{ numRuns: 2000 },
		);
	});
});

describe("yoga loader without fetch", () => {
	const require = createRequire(import.meta.url);
	// yoga-layout's entry is dist/src/index.js; the loader is beside it in dist/binaries.
	const loaderPath = path.join(
		path.dirname(require.resolve("yoga-layout")),
		"..",
		"binaries",
		"yoga-wasm-base64-esm.js",
	);
	const work = mkdtempSync(path.join(tmpdir(), "genesis-yoga-"));
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it("finds what it changes in the installed yoga-layout, and refuses a loader it does not know", () => {
		const source = readFileSync(loaderPath, "utf8");
		const patched = patchYogaLoader(source);
		expect(patched).toBeDefined();
		expect(patched).not.toContain('"function"!=typeof fetch');
		expect(patched).toContain('Buffer.from(a.slice(37),"base64")');
		expect(patchYogaLoader("export default function loadYoga() {}")).toBeUndefined();
	});

	it("the patched loader lays out a node without ever calling fetch", async () => {
		const file = path.join(work, "yoga-patched.mjs");
		writeFileSync(file, patchYogaLoader(readFileSync(loaderPath, "utf8"))!);
		const realFetch = globalThis.fetch;
		let fetched = 0;
		globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
			fetched++;
			return realFetch(...args);
		}) as typeof fetch;
		try {
			const { default: loadYoga } = await import(pathToFileURL(file).href);
			const yoga = await loadYoga();
			const { default: wrapAssembly } = await import(
				pathToFileURL(path.join(path.dirname(require.resolve("yoga-layout")), "wrapAssembly.js")).href
			);
			const Yoga = wrapAssembly(yoga);
			const root = Yoga.Node.create();
			root.setWidth(120);
			const child = Yoga.Node.create();
			child.setFlexGrow(1);
			child.setHeight(3);
			root.insertChild(child, 0);
			root.calculateLayout(undefined, undefined);
			expect(child.getComputedWidth()).toBe(120);
			expect(child.getComputedHeight()).toBe(3);
			root.freeRecursive();
		} finally {
			globalThis.fetch = realFetch;
		}
		expect(fetched).toBe(0);
	});
});

describe("the built bundle", () => {
	const root = path.resolve(import.meta.dirname, "../..");
	const bundleTexts = () => {
		const dir = path.join(root, "dist");
		const files = [
			path.join(dir, "cli.js"),
			...readdirSync(path.join(dir, "chunks")).map((f) => path.join(dir, "chunks", f)),
		];
		return files.filter((f) => f.endsWith(".js")).map((f) => readFileSync(f, "utf8"));
	};

	it("holds the patched yoga loader, and no fetch test in any copy of it", () => {
		const texts = bundleTexts();
		expect(texts.some((t) => t.includes(BUNDLE_MARKERS.yoga))).toBe(true);
		expect(texts.some((t) => t.includes('"function"!=typeof fetch'))).toBe(false);
	});

	it("the build refuses a bundle where either patch is missing", () => {
		const tokenizer = { "fast-ansi-tokenize:/x/ansi-tokenize/build/index.js": {} };
		const withFast = {
			inputs: { "fast-string-width:/x/string-width/index.js": {}, ...tokenizer },
			outputs: {},
		};
		const without = { inputs: { "node_modules/string-width/index.js": {}, ...tokenizer }, outputs: {} };
		expect(missingPatches(withFast as never, [`x${BUNDLE_MARKERS.yoga}`])).toEqual([]);
		expect(missingPatches(without as never, [`x${BUNDLE_MARKERS.yoga}`])).toEqual([
			"string-width's fast path (fast-string-width) is not in the bundle",
		]);
		expect(missingPatches(withFast as never, ["fetch(a)"])).toEqual([
			"yoga's loader without fetch (yoga-without-fetch) is not in the bundle",
		]);
	});

	it("the patched packages are pinned to the versions the patches were written for", () => {
		const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
		const all = { ...pkg.dependencies, ...pkg.devDependencies };
		expect(all["string-width"]).toMatch(/^\d+\.\d+\.\d+$/);
		expect(all["yoga-layout"]).toMatch(/^\d+\.\d+\.\d+$/);
		expect(all["@alcalzone/ansi-tokenize"]).toMatch(/^\d+\.\d+\.\d+$/);
		const require = createRequire(import.meta.url);
		const installed = (name: string) =>
			JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
		expect(installed("string-width")).toBe(all["string-width"]);
		expect(installed("yoga-layout")).toBe(all["yoga-layout"]);
		expect(installed("@alcalzone/ansi-tokenize")).toBe(all["@alcalzone/ansi-tokenize"]);
		expect(require.resolve("yoga-layout")).toContain("node_modules");
	});
});
