// The package as users get it: what `npm pack` puts in the tarball, checked against package.json and the README; then
// the tarball installed offline into an empty folder and every command run from there, so a chunk left out of the
// tarball or a package the bundle imports at run time fails here, not for a user.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleOptions } from "../../scripts/bundle-options.mjs";
import { installTarball, type PackReport, pack, userEnv } from "../../scripts/pack-install.mjs";

const root = path.resolve(__dirname, "../..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const work = mkdtempSync(path.join(tmpdir(), "genesis-package-"));
const npmMajor = Number(
	spawnSync("npm", ["--version"], { env: userEnv(), encoding: "utf8" }).stdout.split(".")[0],
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder of the project, as project-relative paths. */
function filesUnder(dir: string): string[] {
	return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

describe("what npm pack --dry-run lists", () => {
	let packed: string[];
	let report: PackReport;
	beforeAll(() => {
		report = pack(root, work, { dryRun: true }).report;
		packed = report.files.map((f) => f.path).sort();
	}, 60_000);

	it("every built file, the notices and the launcher, and nothing else", () => {
		const expected = [
			...filesUnder("dist"),
			...filesUnder("bin"),
			"THIRD_PARTY_NOTICES",
			"LICENSE",
			"README.md",
			"package.json",
		].sort();
		expect(packed).toEqual(expected);
	});

	it("each entry of files is in the tarball", () => {
		for (const entry of manifest.files as string[])
			expect(
				packed.some((p) => p === entry || p.startsWith(`${entry}/`)),
				entry,
			).toBe(true);
	});

	it("bin: each command is packed, starts with a node shebang and imports a packed file", () => {
		expect(Object.keys(manifest.bin)).toEqual(["genesis-tui"]);
		for (const file of Object.values(manifest.bin) as string[]) {
			expect(packed).toContain(file.replace(/^\.\//, ""));
			const text = readFileSync(path.join(root, file), "utf8");
			expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
			// Static or dynamic imports of the launcher's own files (it loads the bundle after tuning V8).
			const imported = [...text.matchAll(/(?:from |import\()"(\.[^"]+)"/g)].map((m) =>
				path.posix.join(path.posix.dirname(file), m[1]!),
			);
			expect(imported.length).toBeGreaterThan(0);
			for (const i of imported) expect(packed).toContain(i);
		}
	});

	it("engines: the Node version the bundle is built for, the README's and this Node's agree", () => {
		const min = /^>=(\d+)$/.exec(manifest.engines.node)?.[1];
		expect(min).toBeDefined();
		expect(bundleOptions().target).toBe(`node${min}`);
		expect(readFileSync(path.join(root, "README.md"), "utf8")).toContain(`Requires Node.js ${min} or newer.`);
		expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(Number(min));
	});

	it("the README's install section: its table lists what is packed, and the package has no dependencies", () => {
		const readme = readFileSync(path.join(root, "README.md"), "utf8");
		const section = readme.slice(
			readme.indexOf("\n## Install\n"),
			readme.indexOf("\n## ", readme.indexOf("\n## Install\n") + 1),
		);
		expect(section).toContain(`npx ${Object.keys(manifest.bin)[0]}`);
		expect(section).toContain("The package has no dependencies");
		expect(manifest.dependencies ?? {}).toEqual({});
		const listed = [...section.matchAll(/^\| (`[^|]+`(?:, `[^|]+`)*) \|/gm)].flatMap((m) =>
			[...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!),
		);
		expect(listed.length).toBeGreaterThan(0);
		for (const l of listed)
			expect(
				packed.some((p) => p === l || (l.endsWith("/") && p.startsWith(l))),
				l,
			).toBe(true);
		for (const p of packed)
			expect(
				listed.some((l) => p === l || (l.endsWith("/") && p.startsWith(l))),
				p,
			).toBe(true);
		// "about 3 MB": the figure is checked to the nearest megabyte.
		const mb = Number(/about (\d+) MB/.exec(section)?.[1]);
		expect(Math.round(report.unpackedSize / 1e6)).toBe(mb);
	});

	it("the package has no install script of its own; prepack builds", () => {
		for (const s of ["preinstall", "install", "postinstall", "prepare"])
			expect(manifest.scripts[s], s).toBeUndefined();
		expect(manifest.scripts.prepack).toMatch(/build/);
	});

	// npm 11 reviews dependencies' install scripts against allowScripts; older npm has no such review (nor warning).
	it.skipIf(npmMajor < 11)("a clone's npm install runs no unapproved install script (npm 11)", () => {
		const r = spawnSync("npm", ["install-scripts", "ls"], { cwd: root, env: userEnv(), encoding: "utf8" });
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^No packages with unreviewed install scripts/);
	});
});

describe("the packed tarball installed offline into an empty folder", () => {
	const install = path.join(work, "install");
	const project = path.join(work, "project");
	const pkgDir = path.join(install, "node_modules", "genesis-tui");
	let installed: { stdout: string; stderr: string };
	const run = (args: string[], cwd = project) => {
		const r = spawnSync(path.join(install, "node_modules", ".bin", "genesis-tui"), args, {
			cwd,
			env: {
				...userEnv(),
				PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
				GENESIS_TUI_STATE_DIR: path.join(work, "state"),
				SOURCE_DATE_EPOCH: "1767225600",
			},
			encoding: "utf8",
			timeout: 60_000,
		});
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	};
	beforeAll(() => {
		const { tarball } = pack(root, work);
		installed = installTarball(tarball, install);
		cpSync(path.join(root, "examples", "harbor-bookings"), project, { recursive: true });
	}, 120_000);

	it("installs one package, with no warning", () => {
		// npm's own update notice may come and go; a warning about the package or its scripts may not.
		expect(installed.stderr).not.toMatch(/warn|error|install-scripts/i);
		expect(installed.stdout).toMatch(/added 1 package\b/);
		expect(readdirSync(path.join(install, "node_modules")).filter((d) => !d.startsWith("."))).toEqual([
			"genesis-tui",
		]);
		expect(statSync(path.join(pkgDir, "THIRD_PARTY_NOTICES")).size).toBeGreaterThan(10_000);
	});

	it("--version and --help", () => {
		expect(run(["--version"], install)).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
		const help = run(["--help"], install);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/Usage:[\s\S]*status[\s\S]*check/);
	});

	it("--yes on the example, then check and status", () => {
		const yes = run(["--yes"]);
		expect(yes.stderr).toBe("");
		expect(yes.code).toBe(0);
		expect(existsSync(path.join(project, "genesis_output", "sections", "10_deployment_operations.md"))).toBe(
			true,
		);
		const check = run(["check"]);
		expect(check.code).toBe(0);
		expect(check.stdout).toContain("All required checks pass.");
		const status = run(["status"]);
		expect(status.code).toBe(0);
		expect(status.stdout).toMatch(/\[10\] Deployment & Operations \.+ ✓/);
	});

	it("the diagram preview chunk loads and draws the section's diagrams", () => {
		const section = path.join(project, "genesis_output", "sections", "10_deployment_operations.md");
		const chunks = path.join(pkgDir, "dist", "chunks");
		const chunk = readdirSync(chunks).find((f) => f.startsWith("diagram-preview-"));
		expect(chunk).toBeDefined();
		const script = `const m = await import(${JSON.stringify(path.join(chunks, chunk!))}); const fs = await import("node:fs"); process.stdout.write(m.diagramPreview(fs.readFileSync(${JSON.stringify(section)}, "utf8")).join("\\n"));`;
		const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
			cwd: install,
			env: userEnv(),
			encoding: "utf8",
		});
		expect(r.stderr).toBe("");
		expect(r.stdout).toMatch(/^Environment progression\n[\s\S]*[┌╭][\s\S]*\nPipeline stages\n/);
	});

	it("every chunk of the bundle finds the modules it imports", () => {
		// Importing each chunk resolves its static imports: a chunk missing from the tarball or a package left outside the
		// bundle throws ERR_MODULE_NOT_FOUND. Other errors (a chunk that expects to be called in context) are not the point.
		const script = `
			const { readdirSync } = await import("node:fs");
			const dir = ${JSON.stringify(path.join(pkgDir, "dist", "chunks"))};
			const missing = [];
			for (const f of readdirSync(dir)) {
				try { await import(dir + "/" + f); }
				catch (e) { if (e.code === "ERR_MODULE_NOT_FOUND" || e.code === "MODULE_NOT_FOUND") missing.push(f + ": " + e.message); }
			}
			console.log(JSON.stringify({ count: readdirSync(dir).length, missing }));`;
		const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
			cwd: install,
			env: userEnv(),
			encoding: "utf8",
		});
		const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
		expect(out.missing).toEqual([]);
		expect(out.count).toBe(filesUnder("dist/chunks").length);
	});
});
