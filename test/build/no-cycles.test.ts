// No import circle anywhere in src/, type-only imports included: a circle of types is a circle of concepts.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return sourceFiles(p);
		return /\.tsx?$/.test(e.name) ? [p] : [];
	});
}

function resolveImport(from: string, spec: string): string | undefined {
	if (!spec.startsWith(".")) return undefined;
	const base = path.resolve(path.dirname(from), spec);
	for (const ext of [".ts", ".tsx", "/index.ts", "/index.tsx", ""]) {
		const candidate = base + ext;
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return undefined;
}

/** Every file each file imports: static, dynamic and type-only imports and re-exports. */
function importGraph(files: string[]): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const f of files) {
		const info = ts.preProcessFile(readFileSync(f, "utf8"), true, true);
		const deps = info.importedFiles
			.map((i) => resolveImport(f, i.fileName))
			.filter((d): d is string => d !== undefined);
		graph.set(f, deps);
	}
	return graph;
}

function findCycles(graph: Map<string, string[]>): string[][] {
	const state = new Map<string, "open" | "done">();
	const stack: string[] = [];
	const cycles: string[][] = [];
	const visit = (n: string) => {
		state.set(n, "open");
		stack.push(n);
		for (const m of graph.get(n) ?? []) {
			if (state.get(m) === "open") cycles.push([...stack.slice(stack.indexOf(m)), m]);
			else if (!state.has(m)) visit(m);
		}
		stack.pop();
		state.set(n, "done");
	};
	for (const n of graph.keys()) if (!state.has(n)) visit(n);
	return cycles;
}

describe("import graph", () => {
	it("finds a circle made only of type imports", () => {
		const g = new Map([
			["a.ts", ["b.ts"]],
			["b.ts", ["c.ts"]],
			["c.ts", ["a.ts"]],
		]);
		expect(findCycles(g)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
		const dir = path.join(ROOT, "test/fixtures/import-cycle");
		const files = sourceFiles(dir);
		expect(findCycles(importGraph(files)).length).toBe(1);
	});

	it("src/ has no import circle, type imports included", () => {
		const files = sourceFiles(path.join(ROOT, "src"));
		expect(files.length).toBeGreaterThan(50);
		const cycles = findCycles(importGraph(files)).map((c) =>
			c.map((f) => path.relative(ROOT, f)).join(" -> "),
		);
		expect(cycles).toEqual([]);
	});
});
