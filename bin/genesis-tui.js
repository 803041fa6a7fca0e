#!/usr/bin/env node
// Launcher: tunes V8 for an interactive wizard, then runs the bundled CLI.
import { setFlagsFromString } from "node:v8";

// The wizard waits for keys most of its time and is busy in short bursts (a frame, a burst of agent output). V8's
// optimising compiler, run on every function that is warm for a moment, then spends more CPU on other threads than
// the optimised code gives back: optimise only what stays hot, and compile it without inlining. Set before any of the
// bundle is loaded (README, "Benchmarks": the flood's CPU).
setFlagsFromString("--interrupt-budget=1081344");
setFlagsFromString("--no-turbo-inlining");

const { main } = await import("../dist/cli.js");

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		process.stderr.write(
			`genesis-tui: internal error: ${String(error?.message ?? error).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?")}\n`,
		);
		process.exitCode = 70;
	},
);
