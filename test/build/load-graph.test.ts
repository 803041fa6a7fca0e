// What each mode loads before it can run, read from the bundle's own graph: a static import pulled in by mistake would
// quietly undo the start-up work (the wizard's first screen without zod or the knowledge base; --plain without Ink).

import { builtinModules } from "node:module";
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

describe("what the bundle needs at run time", () => {
	it("nothing but Node's own modules: every package is inside the bundle", () => {
		// ws (under Ink's devtools) tries these optional native add-ons inside a try/catch and runs without them.
		const optional = new Set(["bufferutil", "utf-8-validate"]);
		const builtin = new Set(builtinModules);
		const external = Object.values(outputs).flatMap((o) =>
			o.imports.filter((i) => i.external).map((i) => i.path),
		);
		expect(external.length).toBeGreaterThan(0);
		const foreign = external.filter((p) => !p.startsWith("node:") && !builtin.has(p) && !optional.has(p));
		expect([...new Set(foreign)]).toEqual([]);
	});

	it("the diagram preview is a chunk of its own, with the renderer, loaded only on request", () => {
		expect(has(loadedWith("diagram-preview"), "node_modules/beautiful-mermaid/")).toBe(true);
		expect(has(loadedWith("App"), "node_modules/beautiful-mermaid/")).toBe(false);
		expect(has(loadedWith("screens"), "node_modules/beautiful-mermaid/")).toBe(false);
	});
});
