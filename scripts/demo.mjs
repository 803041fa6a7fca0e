// Runs the wizard on a fresh copy of the bundled example project, so the repository stays clean.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.join(here, "..", "examples", "harbor-bookings");
const dir = mkdtempSync(path.join(tmpdir(), "genesis-tui-demo-"));
cpSync(example, dir, { recursive: true });
process.stdout.write(`Example project copied to ${dir}\n`);
const r = spawnSync(
	process.execPath,
	[path.join(here, "..", "bin", "genesis-tui.js"), "--cwd", dir, ...process.argv.slice(2)],
	{ stdio: "inherit" },
);
process.stdout.write(`\nOutputs are in ${path.join(dir, "genesis_output")}\n`);
process.exitCode = r.status ?? 1;
