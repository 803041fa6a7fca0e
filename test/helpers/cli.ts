// Runs the built binary as a user would: a real child process, no TTY, with the given env.

import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Saved sessions go to a folder of this test run, never the user's config folder. */
export const STATE_DIR = mkdtempSync(path.join(tmpdir(), "genesis-state-"));
process.env.GENESIS_TUI_STATE_DIR = STATE_DIR;

export const BIN = path.resolve(__dirname, "../../bin/genesis-tui.js");

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export function runCli(
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): CliResult {
	const r = spawnSync(process.execPath, [BIN, ...args], {
		cwd: options.cwd ?? process.cwd(),
		env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600", ...options.env },
		input: options.input ?? "",
		encoding: "utf8",
		timeout: 60_000,
	});
	return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
