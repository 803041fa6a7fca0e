// Entry point: argv → mode (help, version, status, --yes, the interactive wizard) → exit code. Heavy modules load lazily.

import pkg from "../package.json";
import { type CliOptions, HELP, parseArgs, UsageError, wantsPlain } from "./cli/args";

/** A stream that failed (EPIPE: the reader left; ENOSPC, EIO…) is written no more; the run goes on to its result. */
const broken = new WeakSet<NodeJS.WriteStream>();

function write(stream: NodeJS.WriteStream, text: string): void {
	if (broken.has(stream)) return;
	try {
		stream.write(text);
	} catch (error) {
		onStreamError(stream, error);
	}
}

function onStreamError(stream: NodeJS.WriteStream, error: unknown): void {
	if (broken.has(stream)) return;
	broken.add(stream);
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	// A closed pipe is the reader's choice (`| head`): nothing to say. Any other failure is said once on the other stream.
	if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED") return;
	const other = stream === process.stdout ? process.stderr : process.stdout;
	const name = stream === process.stdout ? "standard output" : "standard error";
	write(other, `genesis-tui: ${name} failed (${code ?? "error"}); its further messages are dropped.\n`);
}

/** Errors on stdout and stderr never crash the run or change its exit code. */
export function guardStdio(): void {
	for (const stream of [process.stdout, process.stderr]) {
		if (stream.listenerCount("error") === 0) stream.on("error", (error) => onStreamError(stream, error));
	}
}

function writeOut(text: string): void {
	write(process.stdout, text);
}

function writeErr(text: string): void {
	write(process.stderr, text);
}

function clean(text: string): string {
	// Messages may quote user input; keep them printable (the engine sanitises too, this is the last line of defence).
	return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");
}

/** Colour off for NO_COLOR, TERM=dumb and --no-color: chalk ignores NO_COLOR, so map it before Ink loads. */
export function applyColorEnv(opts: Pick<CliOptions, "noColor">, env: NodeJS.ProcessEnv = process.env): void {
	if (opts.noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== "") || env.TERM === "dumb")
		env.FORCE_COLOR = "0";
}

function truthy(v: string | undefined): boolean {
	return v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
}

export async function main(argv: string[]): Promise<number> {
	guardStdio();
	let opts: CliOptions;
	try {
		opts = parseArgs(argv, process.cwd());
	} catch (error) {
		if (error instanceof UsageError) {
			writeErr(`genesis-tui: ${clean(error.message)}\nRun genesis-tui --help for usage.\n`);
			return 2;
		}
		throw error;
	}
	if (opts.command === "help") {
		writeOut(HELP);
		return 0;
	}
	if (opts.command === "version") {
		writeOut(`${pkg.version}\n`);
		return 0;
	}
	applyColorEnv(opts);
	const wantsWizard =
		opts.command === "wizard" &&
		!opts.yes &&
		!wantsPlain(opts) &&
		Boolean(process.stdin.isTTY) &&
		Boolean(process.stdout.isTTY);
	if (wantsWizard && !truthy(process.env.CI)) {
		// Raw mode from the start: keys typed while the wizard loads wait, unechoed and as typed, for its first screen.
		// (In the terminal's line mode Enter arrives as a line feed, which Ink does not read as Enter. Node restores the
		// terminal's mode on exit and on SIGINT/SIGTERM; Ink takes over raw mode once it runs.)
		try {
			process.stdin.setRawMode(true);
		} catch {
			// Ink reports a terminal without raw mode itself
		}
		// Start loading the UI now, alongside the engine: later imports of the same modules reuse these loads.
		void import("ink").catch(() => {});
		void import("./ui/App").catch(() => {});
	}
	const { GenesisError, ExitCode } = await import("./engine/io/errors");
	if (opts.command === "wizard") {
		const { earlyUsageError } = await import("./cli/shared/early-checks");
		const problem = earlyUsageError(opts);
		if (problem) {
			writeErr(`genesis-tui: ${clean(problem)}\nRun genesis-tui --help for usage.\n`);
			return ExitCode.usage;
		}
	}
	try {
		if (opts.command === "status") {
			const { projectStatus, formatStatus } = await import("./engine/inputs/status");
			const report = projectStatus(opts.cwd);
			writeOut(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatStatus(report)}\n`);
			return 0;
		}
		if (opts.command === "check") {
			const { runCheckCommand } = await import("./cli/commands/check");
			return runCheckCommand(opts, writeOut);
		}
		if (opts.command === "sessions") {
			const { runSessionsCommand } = await import("./cli/commands/sessions");
			return runSessionsCommand(opts, writeOut);
		}
		if (opts.yes) {
			const { runHeadless } = await import("./cli/drivers/headless");
			return await runHeadless(opts, { out: writeOut, err: writeErr });
		}
		const interactive = Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY);
		if (!interactive) {
			writeErr(
				"genesis-tui: no interactive terminal (stdin and stdout must both be a TTY).\nTo run without one: genesis-tui --yes [--answers answers.json] [--force]\nSee genesis-tui --help for the flags that set each decision.\n",
			);
			return ExitCode.usage;
		}
		if (truthy(process.env.CI)) {
			writeErr(
				"genesis-tui: CI is set, so the interactive wizard is off.\nRun genesis-tui --yes in CI, or set CI=false to use the wizard in this terminal.\n",
			);
			return ExitCode.usage;
		}
		const { runInteractive } = await import("./cli/drivers/tui");
		return await runInteractive(opts);
	} catch (error) {
		if (error instanceof GenesisError) {
			writeErr(`genesis-tui: ${clean(error.message)}\n`);
			return error.exitCode;
		}
		throw error;
	}
}
