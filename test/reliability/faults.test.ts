// RELIABILITY.md §6 B: faults while writing — a failed second rename, a full disk, a read-only folder, kill -9.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli";
import { cleanupTemps, HANDOFF_03, OUT_HANDOFF, OUT_SECTION, tempDir } from "../helpers/project";

afterEach(() => {
	cleanupTemps();
	vi.restoreAllMocks();
});

const isRoot = process.getuid?.() === 0;

/** A tmpfs of `size` mounted on a new folder (root only); undefined when mounting is not allowed here. */
function tmpfs(size: string, options = ""): string | undefined {
	if (!isRoot) return undefined;
	const dir = tempDir();
	const r = spawnSync("mount", [
		"-t",
		"tmpfs",
		"-o",
		`size=${size}${options ? `,${options}` : ""}`,
		"tmpfs",
		dir,
	]);
	return r.status === 0 ? dir : undefined;
}
const unmount = (dir: string) => spawnSync("umount", ["-l", dir]);
const canMount = (() => {
	const d = tmpfs("64k");
	if (d) unmount(d);
	return d !== undefined;
})();

describe("B. output writing faults", () => {
	it("case 15: the second rename fails: the first output is put back, so the pair never mixes two runs", async () => {
		vi.resetModules();
		let renames = 0;
		vi.doMock("node:fs", async (importOriginal) => {
			const fs = await importOriginal<typeof import("node:fs")>();
			return {
				...fs,
				renameSync: (a: string, b: string) => {
					renames++;
					if (renames === 2) throw Object.assign(new Error("injected"), { code: "EIO" });
					return fs.renameSync(a, b);
				},
			};
		});
		const { writeOutputs } = await import("../../src/engine/io/write");
		const root = tempDir();
		const a = path.join(root, "out", "a.json");
		const b = path.join(root, "out", "b.md");
		mkdirSync(path.dirname(a), { recursive: true });
		writeFileSync(a, "OLD-A");
		writeFileSync(b, "OLD-B");
		expect(() =>
			writeOutputs(
				root,
				[
					{ abs: a, content: "NEW-A" },
					{ abs: b, content: "NEW-B" },
				],
				{ force: true, stamp: "2026-01-01T00:00:00Z" },
			),
		).toThrow(/previous files are unchanged/);
		expect(readFileSync(a, "utf8")).toBe("OLD-A");
		expect(readFileSync(b, "utf8")).toBe("OLD-B");
		expect(readdirSync(path.dirname(a)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
		vi.doUnmock("node:fs");
	});

	it.skipIf(!canMount)(
		"case 16: a full disk: clear message, exit 74, the previous section byte-identical, no temp left",
		() => {
			const disk = tmpfs("48k")!;
			try {
				const dir = path.join(disk, "p");
				mkdirSync(path.join(dir, "genesis_output", "handoffs"), { recursive: true });
				mkdirSync(path.join(dir, "genesis_output", "sections"), { recursive: true });
				writeFileSync(
					path.join(dir, HANDOFF_03),
					JSON.stringify({ key_outputs: { infrastructure: { backend_hosting: "Render" } } }),
				);
				writeFileSync(path.join(dir, OUT_SECTION), "ORIGINAL SECTION\n");
				const r = runCli(["--yes", "--force"], { cwd: dir });
				expect(r.code).toBe(74);
				expect(r.stderr).toMatch(/the disk is full/);
				expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toBe("ORIGINAL SECTION\n");
				expect(existsSync(path.join(dir, OUT_HANDOFF))).toBe(false);
				const temps = spawnSync("find", [dir, "-name", "*.tmp"], { encoding: "utf8" }).stdout.trim();
				expect(temps).toBe("");
			} finally {
				unmount(disk);
			}
		},
	);

	it.skipIf(!canMount)("case 17: a read-only folder: permission message, exit 77, quickly", () => {
		const disk = tmpfs("1m")!;
		try {
			const dir = path.join(disk, "p");
			mkdirSync(path.join(dir, "genesis_output", "handoffs"), { recursive: true });
			writeFileSync(
				path.join(dir, HANDOFF_03),
				JSON.stringify({ key_outputs: { infrastructure: { backend_hosting: "Render" } } }),
			);
			expect(spawnSync("mount", ["-o", "remount,ro", disk]).status).toBe(0);
			const t = Date.now();
			const r = runCli(["--yes"], { cwd: dir });
			expect(Date.now() - t).toBeLessThan(3000);
			expect(r.code).toBe(77);
			expect(r.stderr).toMatch(/read-only/);
		} finally {
			unmount(disk);
		}
	});

	it("case 18: kill -9 at random moments while 20 MB files are written: the target is always the old or the new file", async () => {
		const dir = tempDir();
		const script = path.join(dir, "writer.mjs");
		await build({
			stdin: {
				contents: `import { writeFileAtomic } from ${JSON.stringify(path.resolve(__dirname, "../../src/engine/io/write.ts"))};
const [root, target] = process.argv.slice(2);
const a = Buffer.alloc(20 * 1024 * 1024, 65), b = Buffer.alloc(20 * 1024 * 1024, 66);
for (let i = 0; ; i++) writeFileAtomic(root, target, i % 2 ? b : a);`,
				resolveDir: dir,
				loader: "ts",
			},
			bundle: true,
			platform: "node",
			format: "esm",
			outfile: script,
			logLevel: "error",
		});
		const target = path.join(dir, "out", "big.bin");
		for (let i = 0; i < 20; i++) {
			const child = spawn(process.execPath, [script, dir, target], { stdio: "ignore" });
			// The first writer runs until one complete file is there, so a busy machine still tests something.
			const until = Date.now() + 30_000;
			while (i === 0 && !existsSync(target) && Date.now() < until)
				await new Promise((r) => setTimeout(r, 20));
			await new Promise((r) => setTimeout(r, 30 + Math.floor(Math.random() * 250)));
			child.kill("SIGKILL");
			await new Promise((r) => child.on("exit", r));
			if (!existsSync(target)) continue;
			const data = readFileSync(target);
			expect(data.length).toBe(20 * 1024 * 1024);
			expect(data[0] === 65 || data[0] === 66).toBe(true);
			expect(data.every((x) => x === data[0])).toBe(true);
		}
		// Leftover temps from the killed writers are swept by the next start.
		const { sweepStaleTemps } = await import("../../src/engine/io/write");
		sweepStaleTemps([path.join(dir, "out")]);
		expect(readdirSync(path.join(dir, "out"))).toEqual(["big.bin"]);
	}, 60_000);
});
