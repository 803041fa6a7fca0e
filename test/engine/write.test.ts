import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GenesisError } from "../../src/engine/io/errors";
import { sweepStaleTemps, writeFileAtomic, writeOutputs } from "../../src/engine/io/write";
import { cleanupTemps, tempDir } from "../helpers/project";

afterEach(cleanupTemps);

function files(root: string) {
	return [
		{ abs: path.join(root, "out", "a.json"), content: '{"new": true}\n' },
		{ abs: path.join(root, "out", "b.md"), content: "# new\n" },
	];
}

describe("writeOutputs", () => {
	it("writes both files and leaves no temp behind", () => {
		const root = tempDir();
		const r = writeOutputs(root, files(root), { force: false, stamp: "2026-01-01T00:00:00Z" });
		expect(r.written).toHaveLength(2);
		expect(readFileSync(path.join(root, "out", "b.md"), "utf8")).toBe("# new\n");
		expect(readdirSync(path.join(root, "out")).sort()).toEqual(["a.json", "b.md"]);
	});

	it("refuses to replace existing outputs without force, and changes nothing", () => {
		const root = tempDir();
		writeOutputs(root, files(root), { force: false, stamp: "s" });
		writeFileSync(path.join(root, "out", "b.md"), "# mine\n");
		expect(() => writeOutputs(root, files(root), { force: false, stamp: "s" })).toThrow(
			/already exist; run with --force/,
		);
		expect(readFileSync(path.join(root, "out", "b.md"), "utf8")).toBe("# mine\n");
	});

	it("with force, keeps the previous versions as backups", () => {
		const root = tempDir();
		writeOutputs(root, files(root), { force: false, stamp: "s" });
		writeFileSync(path.join(root, "out", "b.md"), "# mine\n");
		const r = writeOutputs(root, files(root), { force: true, stamp: "2026-01-01T00:00:00Z" });
		expect(r.backups.map((b) => path.basename(b))).toEqual([
			"a.json.20260101T000000Z.bak",
			"b.md.20260101T000000Z.bak",
		]);
		expect(readFileSync(r.backups[1]!, "utf8")).toBe("# mine\n");
		expect(readFileSync(path.join(root, "out", "b.md"), "utf8")).toBe("# new\n");
	});

	it("never writes through a symlink", () => {
		const root = tempDir();
		const victim = path.join(tempDir(), "victim.txt");
		writeFileSync(victim, "precious");
		writeFileAtomic(root, path.join(root, "out", "x"), "x");
		symlinkSync(victim, path.join(root, "out", "b.md"));
		try {
			writeOutputs(root, files(root), { force: true, stamp: "s" });
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(GenesisError);
			expect((error as GenesisError).exitCode).toBe(73);
			expect((error as Error).message).toMatch(/symbolic link/);
		}
		expect(readFileSync(victim, "utf8")).toBe("precious");
		expect(existsSync(path.join(root, "out", "a.json"))).toBe(false);
	});

	it("refuses a folder that leads outside the project through a symlink", () => {
		const root = tempDir();
		const outside = tempDir();
		symlinkSync(outside, path.join(root, "out"));
		expect(() => writeOutputs(root, files(root), { force: false, stamp: "s" })).toThrow(
			/outside the project/,
		);
		expect(readdirSync(outside)).toEqual([]);
	});

	it("sweeps temps of dead processes", () => {
		const root = tempDir();
		writeFileSync(path.join(root, ".b.md.genesis-999999-abcdef.tmp"), "partial");
		writeFileSync(path.join(root, `.b.md.genesis-${process.pid}-abcdef.tmp`), "mine");
		expect(sweepStaleTemps([root])).toBe(1);
		expect(readdirSync(root)).toEqual([`.b.md.genesis-${process.pid}-abcdef.tmp`]);
	});
});

describe("backups", () => {
	it("edit, force, edit, force in the same second: every version is kept under its own name", () => {
		const root = tempDir();
		const stamp = "2026-01-01T00:00:00Z";
		writeOutputs(root, files(root), { force: false, stamp });
		const b = path.join(root, "out", "b.md");
		const seen: string[] = [];
		for (const edit of ["# edit 1\n", "# edit 2\n", "# edit 3\n"]) {
			writeFileSync(b, edit);
			const r = writeOutputs(root, files(root), { force: true, stamp });
			seen.push(...r.backups);
			expect(readFileSync(r.backups[1]!, "utf8")).toBe(edit);
		}
		expect(new Set(seen).size).toBe(seen.length);
		const kept = readdirSync(path.join(root, "out"))
			.filter((n) => n.startsWith("b.md.") && n.endsWith(".bak"))
			.map((n) => readFileSync(path.join(root, "out", n), "utf8"))
			.sort();
		expect(kept).toEqual(["# edit 1\n", "# edit 2\n", "# edit 3\n"]);
	});

	it("a symlink squatting on the backup name is never written through; the next free name is used", () => {
		const root = tempDir();
		const stamp = "2026-01-01T00:00:00Z";
		writeOutputs(root, files(root), { force: false, stamp });
		const victim = path.join(tempDir(), "victim.txt");
		writeFileSync(victim, "precious");
		symlinkSync(victim, path.join(root, "out", "b.md.20260101T000000Z.bak"));
		const r = writeOutputs(root, files(root), { force: true, stamp });
		expect(path.basename(r.backups[1]!)).toBe("b.md.20260101T000000Z-2.bak");
		expect(readFileSync(victim, "utf8")).toBe("precious");
	});
});
