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
	/** Extra environment for the agent (a preset's documented permission settings); added to the inherited one. */
	env?: Record<string, string>;
	/** The documentation the preset's flags come from. */
	docs?: string;
}

const INSTRUCTION = "Follow the research brief given on standard input.";

/**
 * Per-run bounds where the CLI has them (Claude Code: turns and US dollars; Copilot: AI Credits); `--agent-timeout`
 * bounds every agent on top of these. A research task reads a handful of pages; the caps stop a loop, not the work.
 */
const BOUNDS = { maxTurns: 25, maxBudgetUsd: "1.00", maxAiCredits: 100 } as const;

/** OpenCode's documented permission settings (OPENCODE_PERMISSION): everything denied but web fetch and web search. */
export const OPENCODE_PERMISSION = JSON.stringify({
	"*": "deny",
	edit: "deny",
	bash: "deny",
	webfetch: "allow",
	websearch: "allow",
});

/**
 * One-shot, non-interactive invocations, as each CLI documents them (see README). Each pre-approves read-only research
 * tools only (web search and web fetch) with the CLI's own mechanism, never file edits, shell or a blanket skip.
 */
export const PRESETS: Record<string, (model?: string) => AgentSpec> = {
	claude: () => ({
		name: "claude",
		command: "claude",
		args: [
			"-p",
			INSTRUCTION,
			"--output-format",
			"text",
			// Only these built-in tools exist in the run; only these run without a prompt; anything else is denied.
			"--tools",
			"WebSearch,WebFetch",
			"--allowedTools",
			"WebSearch,WebFetch",
			"--permission-mode",
			"dontAsk",
			"--max-turns",
			String(BOUNDS.maxTurns),
			"--max-budget-usd",
			BOUNDS.maxBudgetUsd,
		],
		promptVia: "stdin",
		docs: "https://code.claude.com/docs/en/cli-reference",
	}),
	gemini: () => ({
		name: "gemini",
		command: "gemini",
		args: [
			"-p",
			INSTRUCTION,
			// Explicit, so a default approval mode from the user's settings (yolo, auto_edit) does not apply.
			"--approval-mode",
			"default",
			"--allowed-tools",
			"google_web_search,web_fetch",
		],
		promptVia: "stdin",
		docs: "https://geminicli.com/docs/cli/cli-reference/",
	}),
	codex: () => ({
		name: "codex",
		command: "codex",
		args: [
			"-c",
			'web_search="live"',
			"exec",
			"--skip-git-repo-check",
			"--sandbox",
			"read-only",
			"--ephemeral",
			INSTRUCTION,
		],
		promptVia: "stdin",
		docs: "https://developers.openai.com/codex/noninteractive",
	}),
	copilot: () => ({
		name: "copilot",
		command: "copilot",
		// No -p: Copilot ignores piped input when -p is given, and the prompt is piped.
		args: [
			"-s",
			"--no-ask-user",
			"--available-tools=web_fetch,web_search",
			"--allow-tool=url",
			`--max-ai-credits=${BOUNDS.maxAiCredits}`,
		],
		promptVia: "stdin",
		docs: "https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-programmatic-reference",
	}),
	opencode: () => ({
		name: "opencode",
		command: "opencode",
		args: ["run", INSTRUCTION],
		promptVia: "stdin",
		env: { OPENCODE_PERMISSION },
		docs: "https://opencode.ai/docs/cli/",
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
	const preset = /^(claude|gemini|codex|copilot|opencode|ollama)(?::(.+))?$/.exec(v);
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
