// `genesis-tui check [FILE]`: the report on stdout, exit 1 when a required check fails, --json for tools.

import path from "node:path";
import { ExitCode, GenesisError } from "../../engine/io/errors";
import { readProjectFile } from "../../engine/io/fsread";
import { projectPaths, rel } from "../../engine/io/project";
import { sanitizeForTerminal, sanitizeInline } from "../../engine/io/sanitize";
import { checkInputsOf, checkSection, formatCheckReport } from "../../engine/output/check";
import { loadProject } from "../../engine/output/compose";
import type { CliOptions } from "../args";

export function runCheckCommand(opts: CliOptions, out: (text: string) => void): number {
	const paths = projectPaths(path.resolve(opts.cwd));
	const file = opts.file ? path.resolve(opts.cwd, opts.file) : paths.outputSection;
	const shown = sanitizeInline(opts.file ?? rel(paths, file));
	const read = readProjectFile(path.dirname(file), file);
	if (read.kind === "missing")
		throw new GenesisError(
			`${shown} does not exist; write the section first (genesis-tui), or pass the file to check.`,
			ExitCode.missingInput,
		);
	if (read.kind === "unreadable")
		throw new GenesisError(`${shown} cannot be read: ${read.reason}`, ExitCode.badInput);
	// The section is read against the project's own inputs, the same context the wizard writes from; a folder with
	// no input handoff at all gets the text checks only, and says so.
	const project = loadProject(paths.root);
	const hasInputs = project.report.inputs.some((i) => i.id.startsWith("handoff") && i.state === "found");
	const report = checkSection(read.text, hasInputs ? checkInputsOf(project.context) : undefined);
	if (!hasInputs && !opts.json)
		out(
			"No input handoffs found next to the section: only the text checks ran, not the checks against the inputs.\n",
		);
	if (opts.json) out(`${JSON.stringify({ file: shown, ...report }, null, 2)}\n`);
	else out(`${sanitizeForTerminal(formatCheckReport(report, shown))}\n`);
	return report.ok ? ExitCode.ok : ExitCode.checkFailed;
}
