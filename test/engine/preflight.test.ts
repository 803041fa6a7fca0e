import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildContext } from "../../src/engine/inputs/context";
import { inputById, runPreflight, withShapeNotes } from "../../src/engine/inputs/preflight";
import { shapeNotes } from "../../src/engine/inputs/schemas";
import { summarizeInput } from "../../src/engine/inputs/summary";
import { findGuide, projectPaths } from "../../src/engine/io/project";
import {
	bareProject,
	cleanupTemps,
	exampleProject,
	HANDOFF_03,
	HANDOFF_08,
	HANDOFF_09,
	tempDir,
} from "../helpers/project";

afterEach(cleanupTemps);

function preflight(dir: string) {
	return runPreflight(projectPaths(dir), summarizeInput, shapeNotes);
}

describe("project root and guide", () => {
	it("finds the project root from a subfolder", () => {
		const dir = exampleProject();
		const sub = path.join(dir, "genesis_output", "sections");
		expect(projectPaths(sub).root).toBe(dir);
		expect(projectPaths(sub).isGenesisProject).toBe(true);
	});

	it("finds the guide under the upstream name and under the command's name", () => {
		const dir = tempDir();
		const guides = path.join(dir, "g");
		mkdirSync(guides);
		writeFileSync(path.join(guides, "Genesis_Section_10_Deployment_Operations.md"), "# x");
		expect(path.basename(findGuide(guides, 10)!)).toBe("Genesis_Section_10_Deployment_Operations.md");
		writeFileSync(path.join(guides, "Genesis_Section_10_Deployment_&_Operations.md"), "# y");
		expect(path.basename(findGuide(guides, 10)!)).toBe("Genesis_Section_10_Deployment_&_Operations.md");
		writeFileSync(path.join(guides, "Genesis_Section_01_Introduction.md"), "# z");
		expect(path.basename(findGuide(guides, 1)!)).toBe("Genesis_Section_01_Introduction.md");
		expect(findGuide(guides, 11)).toBeUndefined();
	});
});

describe("runPreflight", () => {
	it("reports every input of the example as found with what was learned", () => {
		const report = preflight(exampleProject());
		expect(report.inputs.map((i) => [i.id, i.state])).toEqual([
			["handoff00", "found"],
			["handoff03", "found"],
			["handoff08", "found"],
			["handoff09", "found"],
			["guide", "found"],
			["section03", "found"],
			["section09", "found"],
		]);
		expect(inputById(report, "handoff00").summary).toBe("Harbor Bookings");
		expect(inputById(report, "handoff03").summary).toBe("Vercel + Railway, GitHub Actions, PostgreSQL 16");
		expect(inputById(report, "handoff08").summary).toContain("6 quality gates");
		expect(inputById(report, "handoff09").summary).toContain("4 alerts");
		expect(report.existingOutputs).toEqual([]);
	});

	it("reports missing handoffs with what will be assumed", () => {
		const report = preflight(bareProject());
		const h03 = inputById(report, "handoff03");
		expect(h03.state).toBe("missing");
		expect(h03.summary).toMatch(/^not found; assuming /);
	});

	it("reports malformed JSON with file, line and column, and never crashes", () => {
		const dir = bareProject({ [HANDOFF_03]: '{\n  "key_outputs": {\n    "infrastructure": {,\n' });
		const h03 = inputById(preflight(dir), "handoff03");
		expect(h03.state).toBe("invalid");
		expect(h03.file).toBe(HANDOFF_03);
		expect(h03.summary).toMatch(/not valid JSON at line 3, column 24/);
	});

	it("accepts a UTF-8 BOM and CRLF line endings", () => {
		const json =
			'\uFEFF{\r\n  "key_outputs": {\r\n    "infrastructure": {"backend_hosting": "Fly.io", "ci_cd": "GitLab CI"}\r\n  }\r\n}\r\n';
		const h03 = inputById(preflight(bareProject({ [HANDOFF_03]: json })), "handoff03");
		expect(h03.state).toBe("found");
		expect(h03.summary).toBe("Fly.io, GitLab CI");
	});

	it("notes wrong types and placeholders, and treats placeholders as not given", () => {
		const json = JSON.stringify({
			key_outputs: { infrastructure: "Railway", database_stack: { primary: "[database]" } },
			quality_gates: "all",
		});
		const dir = bareProject({ [HANDOFF_03]: json });
		const report = preflight(dir);
		const h03 = inputById(report, "handoff03");
		expect(h03.state).toBe("found");
		expect(h03.notes.join("\n")).toMatch(
			/key_outputs\.infrastructure expected an object, found a string; ignored/,
		);
		expect(h03.notes.join("\n")).toMatch(/key_outputs\.database_stack\.primary is a placeholder/);
		const ctx = buildContext(report, "x");
		expect(ctx.database.engine).toBe("PostgreSQL");
	});

	it("shape notes added after the first screen come out as if checked at once", () => {
		const bad03 = JSON.stringify({
			key_outputs: { infrastructure: "Railway", database_stack: { primary: "[database]" } },
		});
		const bad08 = JSON.stringify({ quality_gates: "all", key_outputs: { coverage_targets: 80 } });
		const bad09 = JSON.stringify({ alerts_defined: [1, { name: { x: 1 } }], metrics_defined: "none" });
		for (const dir of [
			exampleProject(),
			bareProject({ [HANDOFF_03]: bad03, [HANDOFF_08]: bad08, [HANDOFF_09]: bad09 }),
			bareProject({ [HANDOFF_03]: "{not json", [HANDOFF_08]: "[]" }),
		]) {
			const light = runPreflight(projectPaths(dir), summarizeInput);
			const full = runPreflight(projectPaths(dir), summarizeInput, shapeNotes);
			expect(light.shapesChecked).toBe(false);
			expect(full.shapesChecked).toBe(true);
			expect(withShapeNotes(light, shapeNotes)).toEqual(full);
			expect(withShapeNotes(full, shapeNotes)).toBe(full);
		}
		const light = runPreflight(projectPaths(bareProject({ [HANDOFF_03]: bad03 })), summarizeInput);
		expect(inputById(light, "handoff03").notes.join("\n")).not.toMatch(/expected an object/);
		expect(inputById(withShapeNotes(light, shapeNotes), "handoff03").notes[0]).toMatch(
			/key_outputs\.infrastructure expected an object, found a string; ignored/,
		);
	});

	it("reads numbers written as strings and strings written as numbers", () => {
		const json = JSON.stringify({
			key_outputs: { coverage_targets: { unit: 85 } },
			quality_gates: [{ gate: "Coverage", threshold: 85, blocking: "true" }],
		});
		const report = preflight(bareProject({ [HANDOFF_08]: json }));
		const ctx = buildContext(report, "x");
		expect(ctx.testing.coverage.unit).toBe(85);
		expect(ctx.testing.gates).toEqual([{ name: "Coverage", threshold: "85", blocking: true }]);
	});

	it("refuses a top-level array, a directory, and a symlink leaving the project", () => {
		const outside = tempDir();
		writeFileSync(path.join(outside, "secret.json"), "{}");
		const dir = bareProject({ [HANDOFF_03]: "[1, 2]" });
		mkdirSync(path.join(dir, HANDOFF_08));
		symlinkSync(path.join(outside, "secret.json"), path.join(dir, HANDOFF_09));
		const report = preflight(dir);
		expect(inputById(report, "handoff03").summary).toMatch(/top level is not a JSON object/);
		expect(inputById(report, "handoff08").summary).toMatch(/it is a folder, not a file/);
		expect(inputById(report, "handoff09").summary).toMatch(/outside the project/);
	});

	it("refuses a file over the size limit before reading it", () => {
		const dir = bareProject({ [HANDOFF_03]: `{"a": "${"x".repeat(6 * 1024 * 1024)}"}` });
		expect(inputById(preflight(dir), "handoff03").summary).toMatch(/6\.0 MB; the limit is 5\.0 MB/);
	});

	it("refuses invalid UTF-8 and says where", () => {
		const dir = bareProject();
		writeFileSync(path.join(dir, HANDOFF_03), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0x7d]));
		expect(inputById(preflight(dir), "handoff03").summary).toMatch(/not valid UTF-8 \(at byte 5\)/);
	});

	it("sanitises hostile text in notes", () => {
		const json = JSON.stringify({
			key_outputs: { "infra\u001b]0;PWN\u0007": 1, database_stack: { primary: "[\u001b[2J]" } },
		});
		const report = preflight(bareProject({ [HANDOFF_03]: json }));
		const all = JSON.stringify(report.inputs.map((i) => [i.summary, i.notes]));
		expect(all).not.toContain("\\u001b");
	});

	it("announces existing outputs", () => {
		const dir = exampleProject({ "genesis_output/sections/10_deployment_operations.md": "# old" });
		expect(preflight(dir).existingOutputs.map((o) => o.file)).toEqual([
			"genesis_output/sections/10_deployment_operations.md",
		]);
	});
});
