// Finds the Genesis project root and names every input and output path, guides looked up by section number.

import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export interface ProjectPaths {
	root: string;
	/** True when a genesis_output/ or genesis_sources/ folder was found at or above the start folder. */
	isGenesisProject: boolean;
	handoffsDir: string;
	sectionsDir: string;
	researchDir: string;
	guidesDir: string;
	agentsDir: string;
	handoff00: string;
	handoff02: string;
	handoff03: string;
	handoff05: string;
	handoff07: string;
	handoff08: string;
	handoff09: string;
	section03: string;
	section09: string;
	outputSection: string;
	outputHandoff: string;
}

function isDir(p: string): boolean {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
}

/** Walks up from `start` to the first folder holding genesis_output/ or genesis_sources/. */
export function findProjectRoot(start: string): { root: string; isGenesisProject: boolean } {
	let dir = path.resolve(start);
	while (true) {
		if (isDir(path.join(dir, "genesis_output")) || isDir(path.join(dir, "genesis_sources"))) {
			return { root: dir, isGenesisProject: true };
		}
		const parent = path.dirname(dir);
		if (parent === dir) return { root: path.resolve(start), isGenesisProject: false };
		dir = parent;
	}
}

export function projectPaths(start: string): ProjectPaths {
	const { root, isGenesisProject } = findProjectRoot(start);
	const out = path.join(root, "genesis_output");
	const handoffsDir = path.join(out, "handoffs");
	const sectionsDir = path.join(out, "sections");
	return {
		root,
		isGenesisProject,
		handoffsDir,
		sectionsDir,
		researchDir: path.join(out, "research"),
		guidesDir: path.join(root, "genesis_sources", "section_guides"),
		agentsDir: path.join(root, ".claude", "agents"),
		handoff00: path.join(handoffsDir, "handoff_00_init.json"),
		handoff02: path.join(handoffsDir, "handoff_02_product_requirements.json"),
		handoff03: path.join(handoffsDir, "handoff_03_technology_stack.json"),
		handoff05: path.join(handoffsDir, "handoff_05_architecture_design.json"),
		handoff07: path.join(handoffsDir, "handoff_07_security_compliance.json"),
		handoff08: path.join(handoffsDir, "handoff_08_testing_strategy.json"),
		handoff09: path.join(handoffsDir, "handoff_09_monitoring_observability.json"),
		section03: path.join(sectionsDir, "03_technology_stack.md"),
		section09: path.join(sectionsDir, "09_monitoring_observability.md"),
		outputSection: path.join(sectionsDir, "10_deployment_operations.md"),
		outputHandoff: path.join(handoffsDir, "handoff_10_deployment_operations.json"),
	};
}

/**
 * The guide for a section, by number: `Genesis_Section_10_*.md` whatever follows the number
 * (upstream names it `..._Deployment_&_Operations.md`, the command text `..._Deployment_Operations.md`).
 */
export function findGuide(guidesDir: string, section: number): string | undefined {
	let names: string[];
	try {
		names = readdirSync(guidesDir);
	} catch {
		return undefined;
	}
	const num = String(section).padStart(2, "0");
	const pattern = new RegExp(`^Genesis_Section_0*${section}(_.*)?\\.md$`, "i");
	const matches = names
		.filter((name) => pattern.test(name) || name.startsWith(`Genesis_Section_${num}_`))
		.sort();
	// Prefer the upstream spelling when both exist, deterministically.
	const picked = matches.find((m) => m.includes("&")) ?? matches[0];
	return picked ? path.join(guidesDir, picked) : undefined;
}

/** Handoff file for any section number, found by prefix (`handoff_08_*.json`). */
export function findHandoffBySection(handoffsDir: string, section: number): string | undefined {
	if (!existsSync(handoffsDir)) return undefined;
	const num = String(section).padStart(2, "0");
	try {
		const match = readdirSync(handoffsDir)
			.filter((n) => n.startsWith(`handoff_${num}_`) && n.endsWith(".json"))
			.sort()[0];
		return match ? path.join(handoffsDir, match) : undefined;
	} catch {
		return undefined;
	}
}

/** A path relative to the project root, for messages. */
export function rel(paths: Pick<ProjectPaths, "root">, abs: string): string {
	const r = path.relative(paths.root, abs);
	return r.startsWith("..") ? abs : r;
}
