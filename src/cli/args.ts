// Command-line parsing with no dependencies, so --help and --version load nothing else.

import { DECISION_FLAGS, DECISION_IDS, type DecisionId } from "../engine/vocabulary";

export interface CliOptions {
	command: "wizard" | "status" | "sessions" | "check" | "help" | "version";
	/** `check FILE` */
	file?: string;
	cwd: string;
	yes: boolean;
	strategy?: string;
	iac?: string;
	ci?: string;
	environments?: string;
	rto?: string;
	rpo?: string;
	backupFrequency?: string;
	answers?: string;
	agent?: string;
	agentDeploy?: string;
	agentIac?: string;
	agentCicd?: string;
	agentTimeout?: string;
	dryRun: boolean;
	force: boolean;
	strict: boolean;
	json: boolean;
	noColor: boolean;
	plain: boolean;
	resume: boolean;
	fresh: boolean;
	/** `sessions --clear` / `--all` */
	clear: boolean;
	all: boolean;
}

export class UsageError extends Error {}

const VALUE_FLAGS: Record<string, keyof CliOptions> = {
	"--cwd": "cwd",
	// One flag per decision, from the decision registry's flag names (the option keys are the decision ids).
	...(Object.fromEntries(DECISION_IDS.map((id) => [DECISION_FLAGS[id], id])) as Record<string, DecisionId>),
	"--answers": "answers",
	"--agent": "agent",
	"--agent-deploy": "agentDeploy",
	"--agent-iac": "agentIac",
	"--agent-cicd": "agentCicd",
	"--agent-timeout": "agentTimeout",
};

const BOOLEAN_FLAGS: Record<string, keyof CliOptions> = {
	"--yes": "yes",
	"-y": "yes",
	"--dry-run": "dryRun",
	"--force": "force",
	"--strict": "strict",
	"--json": "json",
	"--no-color": "noColor",
	"--plain": "plain",
	"--resume": "resume",
	"--fresh": "fresh",
	"--clear": "clear",
	"--all": "all",
};

function shown(arg: string): string {
	return arg.replace(/[^\x20-\x7e]/g, "?").slice(0, 60);
}

export function parseArgs(argv: string[], cwd: string): CliOptions {
	const opts: CliOptions = {
		command: "wizard",
		cwd,
		yes: false,
		dryRun: false,
		force: false,
		strict: false,
		json: false,
		noColor: false,
		plain: false,
		resume: false,
		fresh: false,
		clear: false,
		all: false,
	};
	let sawCommand = false;
	for (let i = 0; i < argv.length; i++) {
		const raw = argv[i]!;
		if (raw === "-h" || raw === "--help") return { ...opts, command: "help" };
		if (raw === "-v" || raw === "--version") return { ...opts, command: "version" };
		const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
		const name = eq > 0 ? raw.slice(0, eq) : raw;
		if (VALUE_FLAGS[name]) {
			let value: string | undefined;
			if (eq > 0) value = raw.slice(eq + 1);
			else {
				value = argv[i + 1];
				if (value === undefined || (value.startsWith("--") && value.length > 2))
					throw new UsageError(`option ${name} needs a value`);
				i++;
			}
			if (value.trim() === "") throw new UsageError(`option ${name} needs a value`);
			(opts as unknown as Record<string, unknown>)[VALUE_FLAGS[name]!] = value;
			continue;
		}
		if (BOOLEAN_FLAGS[name]) {
			if (eq > 0) throw new UsageError(`option ${name} takes no value`);
			(opts as unknown as Record<string, unknown>)[BOOLEAN_FLAGS[name]!] = true;
			continue;
		}
		if (raw.startsWith("-")) throw new UsageError(`unknown option ${shown(raw)}`);
		if (sawCommand && opts.command === "check" && opts.file === undefined) {
			opts.file = raw;
			continue;
		}
		if (!sawCommand && (raw === "status" || raw === "sessions" || raw === "check")) {
			opts.command = raw;
			sawCommand = true;
			continue;
		}
		throw new UsageError(`unexpected argument ${shown(raw)}`);
	}
	if (opts.resume && opts.fresh) throw new UsageError("--resume and --fresh cannot be used together");
	if ((opts.clear || opts.all) && opts.command !== "sessions")
		throw new UsageError("--clear and --all go with the sessions command");
	return opts;
}

export const HELP = `genesis-tui — write Section 10 (Deployment & Operations) of a Genesis specification

Usage:
  genesis-tui [options]          run the wizard in the current Genesis project
  genesis-tui status             show which Genesis sections are done and what comes next
  genesis-tui sessions           list saved sessions; --clear removes this project's, --clear --all every one
  genesis-tui check [FILE]       check a Section 10 file (default: the project's) against the checklists and rubric

Options:
  --cwd DIR                  project folder (default: the current folder, searched upward)
  -y, --yes                  run without prompts: accept recommendations, write, print the result
  --strategy S               deployment strategy: rolling, blue-green, canary, recreate
  --iac T                    IaC tool: terraform, opentofu, pulumi, aws-cdk, cloudformation, bicep, crossplane, sst
  --ci T                     CI/CD tool: github-actions, gitlab-ci, circleci, azure-devops, jenkins
  --environments a,b,c       environments, e.g. development,staging,production (must include production)
  --rto D                    recovery time objective, e.g. 30m, 4h
  --rpo D                    recovery point objective, e.g. 5m, 1h
  --backup-frequency D       database snapshot interval, e.g. 1d, 6h
  --answers FILE             JSON answers to open questions: {"answers": {"<question id or text>": "answer"}}
  --agent NAME|COMMAND       research backend for all three tasks: builtin (default), claude, gemini, codex,
                             copilot, opencode, ollama:MODEL, or any command line (prompt on stdin, or in
                             place of {prompt})
  --agent-deploy/--agent-iac/--agent-cicd X   the backend for one task
  --agent-timeout D          stop an agent after this long (default 10m); the built-in research takes over
  --dry-run                  do everything but write; show what would be written (and the agents' prompts)
  --force                    replace existing Section 10 outputs (the old files are kept as backups)
  --strict                   fail when an input handoff is missing or invalid instead of assuming, and
                             refuse a choice that breaks a platform rule or sets an infeasible target
  --json                     print a machine-readable summary on stdout (progress goes to stderr)
  --resume                   resume the saved session without asking
  --fresh                    discard the saved session and start over
  --plain                    linear, screen-reader-friendly output instead of live panels
  --no-color                 no colours (NO_COLOR, FORCE_COLOR=0 and TERM=dumb do the same)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes:
  0            done
  1            check: a required item failed
  2            usage error, or no terminal without --yes
  65           an input file (with --strict) or the answers file is invalid
  66           an input file is missing (with --strict)
  69           an agent could not be run (with --strict)
  70           internal error
  73           cannot write: outputs exist (--force), a symlink, outside project
  74           I/O error (disk full)
  75           another genesis-tui run is using this project
  77           permission denied
  129/130/143  stopped by SIGHUP / Ctrl+C or SIGINT / SIGTERM
               (progress is saved; run again to resume)
`;

/** The linear mode: --plain, or a screen reader announced the way Ink reads it (INK_SCREEN_READER=1/true). */
export function wantsPlain(opts: Pick<CliOptions, "plain">, env: NodeJS.ProcessEnv = process.env): boolean {
	return opts.plain || /^(1|true)$/i.test(env.INK_SCREEN_READER ?? "");
}
