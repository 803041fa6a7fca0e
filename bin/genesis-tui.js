#!/usr/bin/env node
// Launcher: runs the bundled CLI.
import { main } from "../dist/cli.js";

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
