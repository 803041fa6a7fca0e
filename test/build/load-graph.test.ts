// What each mode loads before it can run, read from the bundle's own graph: a static import pulled in by mistake would
// quietly undo the start-up work (the wizard's first screen without zod or the knowledge base; --plain without Ink).

import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleOptions } from "../../scripts/bundle-options.mjs";

let outputs: Metafile["outputs"];

beforeAll(async () => {
	const r = await build({ ...bundleOptions(), outdir: "dist-graph", write: false, logLevel: "error" });
	outputs = r.metafile.outputs;
}, 60_000);

/** The source files a chunk needs before it runs: itself and everything it imports statically, transitively. */
function loadedWith(chunkName: string): string[] {
	const start = Object.keys(outputs).find(
		(o) => o.includes(`/${chunkName}-`) || o.endsWith(`/${chunkName}.js`),
	);
	expect(start, chunkName).toBeDefined();
	const seen = new Set<string>();
	const stack = [start!];
	while (stack.length) {
		const o = stack.pop()!;
		if (seen.has(o)) continue;
		seen.add(o);
		for (const i of outputs[o]!.imports)
			if (i.kind === "import-statement" && outputs[i.path]) stack.push(i.path);
	}
	return [...seen].flatMap((o) => Object.keys(outputs[o]!.inputs));
}

const has = (inputs: string[], part: string) => inputs.some((i) => i.includes(part));

describe("what loads before each mode runs", () => {
	it("the wizard's first screen: no zod, no knowledge base, no section writer, no controller", () => {
		const first = [...loadedWith("tui"), ...loadedWith("App")];
		expect(has(first, "src/engine/inputs/preflight.ts")).toBe(true);
		expect(has(first, "node_modules/ink/")).toBe(true);
		for (const absent of [
			"node_modules/zod/",
			"src/engine/knowledge/",
			"src/engine/output/section/",
			"src/engine/wizard/controller.ts",
			"src/ui/steps/Research.tsx",
			"node_modules/execa/",
		])
			expect(has(first, absent), absent).toBe(false);
	});

	it("--plain loads no Ink or React", () => {
		const plain = loadedWith("plain");
		expect(has(plain, "src/engine/wizard/controller.ts")).toBe(true);
		expect(has(plain, "node_modules/ink/")).toBe(false);
		expect(has(plain, "node_modules/react/")).toBe(false);
	});

	it("the CLI entry itself loads neither Ink nor the engine", () => {
		const cli = loadedWith("cli");
		expect(has(cli, "node_modules/ink/")).toBe(false);
		expect(has(cli, "node_modules/zod/")).toBe(false);
		expect(has(cli, "src/engine/inputs/preflight.ts")).toBe(false);
	});
});
