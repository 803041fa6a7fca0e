// Reading a project: the folder checked, stale temporary files swept, every input read and checked (pre-flight).
// Light on purpose: the first screen needs only this, so it loads neither the knowledge base nor the section writer.

import { statSync } from "node:fs";
import path from "node:path";
import { ExitCode, GenesisError } from "../io/errors";
import { type ProjectPaths, projectPaths } from "../io/project";
import { sanitizeInline } from "../io/sanitize";
import { refuseFoldersLeavingProject, sweepStaleTemps } from "../io/write";
import { type PreflightReport, runPreflight, type ShapeCheck } from "./preflight";
import { projectNameOf, summarizeInput } from "./summary";

export interface ProjectFiles {
	paths: ProjectPaths;
	report: PreflightReport;
	/** From handoff 03, else the folder's name. */
	name: string;
}

/** `shapes` checks the handoffs' shapes now; without it they are checked when the context is built (run.ts). */
export function readProject(cwd: string, shapes?: ShapeCheck): ProjectFiles {
	let st: ReturnType<typeof statSync> | undefined;
	try {
		st = statSync(cwd);
	} catch {
		st = undefined;
	}
	if (!st?.isDirectory()) {
		throw new GenesisError(
			`${sanitizeInline(cwd)} is not a folder; pass the Genesis project folder with --cwd.`,
			ExitCode.missingInput,
		);
	}
	const paths = projectPaths(cwd);
	refuseFoldersLeavingProject(paths.root, [paths.handoffsDir, paths.sectionsDir, paths.researchDir]);
	sweepStaleTemps([paths.sectionsDir, paths.handoffsDir, paths.researchDir]);
	const report = runPreflight(paths, summarizeInput, shapes);
	return { paths, report, name: projectNameOf(report, path.basename(paths.root)) };
}
