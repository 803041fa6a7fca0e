// Agent backends: presets for the agent CLIs people use, custom command lines split without a shell, PATH lookup.

import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

export interface AgentSpec {
	/** What the panels and the section call it: "claude", "ollama:llama3.2", or the custom command's first word. */
	name: string;
	command: string;
	args: string[];
	/** The prompt goes on stdin, or replaces a `{prompt}` argument. */
	promptVia: "stdin" | "arg";
	/** The documentation the preset's flags come from. */
	docs?: string;
}

const INSTRUCTION = "Follow the research brief given on standard input.";

/** One-shot, non-interactive invocations, as each CLI documents them (see README). */
export const PRESETS: Record<string, (model?: string) => AgentSpec> = {
	claude: () => ({
		name: "claude",
		command: "claude",
		args: ["-p", INSTRUCTION, "--output-format", "text"],
		promptVia: "stdin",
		docs: "https://docs.anthropic.com/en/docs/claude-code/cli-reference",
	}),
	gemini: () => ({
		name: "gemini",
		command: "gemini",
		args: ["-p", INSTRUCTION],
		promptVia: "stdin",
		docs: "https://geminicli.com/docs/cli/headless/",
	}),
	codex: () => ({
		name: "codex",
		command: "codex",
		args: ["exec", INSTRUCTION],
		promptVia: "stdin",
		docs: "https://developers.openai.com/codex/noninteractive",
	}),
	ollama: (model = "llama3.2") => ({
		name: `ollama:${model}`,
		command: "ollama",
		args: ["run", model],
		promptVia: "stdin",
		docs: "https://github.com/ollama/ollama/blob/main/docs/cli.md",
	}),
};

export class AgentSpecError extends Error {}

/** Splits a command line into arguments like a POSIX shell would for quotes and backslashes — and nothing else. */
export function splitCommand(line: string): string[] {
	const out: string[] = [];
	let cur = "";
	let has = false;
	let quote: '"' | "'" | undefined;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i]!;
		if (quote === "'") {
			if (ch === "'") quote = undefined;
			else cur += ch;
			continue;
		}
		if (quote === '"') {
			if (ch === '"') quote = undefined;
			else if (ch === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) cur += line[++i];
			else cur += ch;
			continue;
		}
		if (ch === "'" || ch === '"') {
			quote = ch;
			has = true;
		} else if (ch === "\\" && i + 1 < line.length) {
			cur += line[++i];
			has = true;
		} else if (/\s/.test(ch)) {
			if (has) out.push(cur);
			cur = "";
			has = false;
		} else {
			cur += ch;
			has = true;
		}
	}
	if (quote) throw new AgentSpecError(`unclosed ${quote} quote in the agent command`);
	if (has) out.push(cur);
	return out;
}

/** "builtin", a preset ("claude", "ollama:MODEL"), or any command line (with an optional {prompt} argument). */
export function resolveAgent(value: string): AgentSpec | "builtin" {
	const v = value.trim();
	if (v === "" || v === "builtin") return "builtin";
	const preset = /^(claude|gemini|codex|ollama)(?::(.+))?$/.exec(v);
	if (preset && (preset[1] === "ollama" || !preset[2])) return PRESETS[preset[1]!]!(preset[2]);
	const words = splitCommand(v);
	if (words.length === 0) return "builtin";
	if (words.some((w) => w.includes("\u0000")))
		throw new AgentSpecError("the agent command contains a NUL byte");
	const [command, ...args] = words as [string, ...string[]];
	return {
		name: path.basename(command) === "node" && args[0] ? path.basename(args[0]) : path.basename(command),
		command,
		args,
		promptVia: args.includes("{prompt}") ? "arg" : "stdin",
	};
}

function isExecutableFile(file: string): boolean {
	try {
		if (!statSync(file).isFile()) return false;
		accessSync(file, constants.X_OK);
		// root passes X_OK for any file with no x bit at all: check the bits too.
		return (statSync(file).mode & 0o111) !== 0;
	} catch {
		return false;
	}
}

export type Lookup = { ok: true; path: string } | { ok: false; reason: "not-found" | "not-executable" };

/** Finds the command before starting it, so "not found" is a clear message and not a spawn error. */
export function findExecutable(
	command: string,
	env: NodeJS.ProcessEnv = process.env,
	cwd = process.cwd(),
): Lookup {
	if (command.includes("/")) {
		const abs = path.resolve(cwd, command);
		try {
			statSync(abs);
		} catch {
			return { ok: false, reason: "not-found" };
		}
		return isExecutableFile(abs) ? { ok: true, path: abs } : { ok: false, reason: "not-executable" };
	}
	let sawNonExecutable = false;
	for (const dir of (env.PATH ?? "").split(path.delimiter)) {
		if (!dir) continue;
		const candidate = path.join(dir, command);
		if (isExecutableFile(candidate)) return { ok: true, path: candidate };
		try {
			if (statSync(candidate).isFile()) sawNonExecutable = true;
		} catch {
			// not here
		}
	}
	return { ok: false, reason: sawNonExecutable ? "not-executable" : "not-found" };
}
