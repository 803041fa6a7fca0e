// Packs a project and installs the tarball into an empty folder as a user would, with no network (`--offline`: from
// npm's cache). Used by the package test and the cold-start benchmark.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The environment of a user's shell: the npm_* variables a running npm script passes down (its local prefix, the
 * package's fields, the running command) are dropped; where npm's cache and configuration live is kept.
 */
export function userEnv(env = process.env) {
	const keep = /^npm_config_(cache|userconfig|globalconfig|registry|cafile)$/i;
	return Object.fromEntries(
		Object.entries(env).filter(([k]) => (!/^npm_/i.test(k) || keep.test(k)) && k !== "NODE_PATH"),
	);
}

function npm(args, cwd) {
	const r = spawnSync("npm", args, { cwd, env: userEnv(), encoding: "utf8", timeout: 120_000 });
	if (r.status !== 0) throw new Error(`npm ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
	return r;
}

/**
 * `npm pack --json` of the project into `dest`; `dryRun` lists without writing. Install scripts (prepack: the build)
 * are skipped: the callers build first, and a build during a test run would replace dist/ under other tests.
 * @returns {{ tarball: string, report: any }}
 */
export function pack(project, dest, { dryRun = false } = {}) {
	const args = ["pack", "--json", "--ignore-scripts", "--pack-destination", dest];
	const r = npm(dryRun ? [...args, "--dry-run"] : args, project);
	const report = JSON.parse(r.stdout)[0];
	return { tarball: path.join(dest, report.filename), report };
}

/**
 * Installs a tarball into `dir`, a new folder, as `npm install --offline --no-audit --no-fund <tarball>`. The folder
 * gets an empty manifest first, so npm cannot settle on a parent folder's package.json.
 * @returns {{ stdout: string, stderr: string }}
 */
export function installTarball(tarball, dir) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, "package.json"), "{}\n");
	const r = npm(["install", "--offline", "--no-audit", "--no-fund", tarball], dir);
	return { stdout: r.stdout, stderr: r.stderr };
}
