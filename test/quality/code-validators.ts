// Validators for the fenced code blocks of a section: a real parser per language where npm has one
// (yaml, smol-toml, @cdktf/hcl2json, @action-validator/core, TypeScript, bash -n), and a structural
// check of brackets and strings for Groovy (Jenkinsfile) and Bicep, for which npm has no parser.

import { spawnSync } from "node:child_process";
import { validateWorkflow } from "@action-validator/core";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { parse as parseToml } from "smol-toml";
import ts from "typescript";
import { parseAllDocuments } from "yaml";

export interface CodeBlock {
	lang: string;
	body: string;
	line: number;
	/** The `file` named in the heading or sentence just before the block, when there is one. */
	file?: string;
}

export function codeBlocks(text: string): CodeBlock[] {
	const out: CodeBlock[] = [];
	const re = /^```([A-Za-z0-9_-]*)\n([\s\S]*?)\n```$/gm;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const before = text.slice(Math.max(0, m.index - 300), m.index).split("\n");
		const lead = before.slice(-3).join("\n");
		const file = [...lead.matchAll(/`([^`\s]+\.(?:ya?ml|toml|json|tf|bicep|ts)|Jenkinsfile)`/g)].pop()?.[1];
		out.push({
			lang: m[1] ?? "",
			body: m[2]!,
			line: text.slice(0, m.index).split("\n").length,
			file,
		});
	}
	return out;
}

/** `bash -n` on a script: syntax only, nothing runs. */
export function checkShell(script: string): string | undefined {
	const r = spawnSync("bash", ["-n"], { input: script, encoding: "utf8" });
	return r.status === 0 ? undefined : `bash -n: ${r.stderr.trim()}`;
}

function yamlDocs(body: string): { value: unknown; error?: string } {
	const docs = parseAllDocuments(body, { uniqueKeys: true });
	const list = Array.isArray(docs) ? docs : [docs];
	for (const d of list) {
		const e = d.errors[0];
		if (e) return { value: undefined, error: `yaml: ${e.message}` };
	}
	return { value: list.length === 1 ? list[0]!.toJS() : list.map((d) => d.toJS()) };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === "object" && v !== null && !Array.isArray(v);

/** Shell lines a CI file hands to a shell, by tool: `run:` (GitHub), `script:` (GitLab, Azure), `run:` (CircleCI). */
function shellSteps(value: unknown, keys: string[]): string[] {
	const out: string[] = [];
	const walk = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (isObj(v))
			for (const [k, x] of Object.entries(v)) {
				if (keys.includes(k)) {
					if (typeof x === "string") out.push(x);
					else if (Array.isArray(x)) out.push(...x.filter((s): s is string => typeof s === "string"));
					else if (isObj(x) && typeof x.command === "string") out.push(x.command);
				}
				walk(x);
			}
	};
	walk(value);
	return out;
}

/** Template expressions of the CI tool replaced by a shell-neutral word before `bash -n`. */
function neutralise(script: string): string {
	return script
		.replace(/\$\{\{[\s\S]*?\}\}/g, "X")
		.replace(/<<\s*[\w.]+\s*>>/g, "X")
		.replace(/\$\(([A-Za-z_][\w.]*)\)/g, (m, name: string) => (name.includes(".") ? "X" : m));
}

function checkGithubWorkflow(body: string): string | undefined {
	const r = validateWorkflow(body) as {
		errors: { code: string; path?: string; title?: string; detail?: string }[];
	};
	if (r.errors.length) {
		const e = r.errors[0]!;
		return `workflow schema: ${e.path ?? ""} ${e.title ?? e.code}${e.detail ? ` (${e.detail})` : ""}`;
	}
	return undefined;
}

/** Which CI tool's file a YAML block is, from the file named before it or from its shape. */
export function ciKind(
	block: CodeBlock,
	value: unknown,
): "github" | "gitlab" | "circleci" | "azure" | undefined {
	const f = block.file ?? "";
	if (/\.github\/workflows\//.test(f)) return "github";
	if (/\.gitlab-ci\.yml$/.test(f)) return "gitlab";
	if (/\.circleci\/config\.yml$/.test(f)) return "circleci";
	if (/azure-pipelines\.yml$/.test(f)) return "azure";
	if (isObj(value) && "jobs" in value && "on" in value) return "github";
	return undefined;
}

const GITLAB_KEYWORDS = new Set([
	"stages",
	"default",
	"include",
	"variables",
	"workflow",
	"image",
	"services",
	"cache",
	"before_script",
	"after_script",
]);

/** GitLab: every job has a script (or trigger / extends), names a declared stage, and `needs` names jobs. */
function checkGitlab(v: unknown): string | undefined {
	if (!isObj(v)) return "gitlab: top level is not a mapping";
	const stages = Array.isArray(v.stages) ? (v.stages as string[]) : ["build", "test", "deploy"];
	const jobs = Object.entries(v).filter(([k]) => !GITLAB_KEYWORDS.has(k) && !k.startsWith("."));
	if (!jobs.length) return "gitlab: no jobs";
	for (const [name, job] of jobs) {
		if (!isObj(job)) return `gitlab: job ${name} is not a mapping`;
		if (!("script" in job || "trigger" in job || "extends" in job))
			return `gitlab: job ${name} has no script`;
		if (job.stage !== undefined && !stages.includes(String(job.stage)))
			return `gitlab: job ${name} uses undeclared stage ${String(job.stage)}`;
		for (const n of Array.isArray(job.needs) ? job.needs : [])
			if (!jobs.some(([j]) => j === (isObj(n) ? n.job : n))) return `gitlab: job ${name} needs unknown job`;
		if (isObj(job.id_tokens))
			for (const [t, spec] of Object.entries(job.id_tokens))
				if (!isObj(spec) || !("aud" in spec)) return `gitlab: id_token ${t} has no aud`;
	}
	return undefined;
}

/** CircleCI 2.1: jobs have an executor and steps; workflow jobs name defined jobs or approval jobs. */
function checkCircle(v: unknown): string | undefined {
	if (!isObj(v) || String(v.version) !== "2.1") return "circleci: version 2.1 missing";
	if (!isObj(v.jobs) || !isObj(v.workflows)) return "circleci: jobs and workflows are required";
	const jobs = v.jobs as Record<string, unknown>;
	for (const [name, job] of Object.entries(jobs)) {
		if (!isObj(job) || !Array.isArray(job.steps)) return `circleci: job ${name} has no steps`;
		if (!("docker" in job || "machine" in job || "executor" in job || "macos" in job))
			return `circleci: job ${name} has no executor`;
	}
	for (const [wname, wf] of Object.entries(v.workflows)) {
		if (!isObj(wf) || !Array.isArray(wf.jobs)) return `circleci: workflow ${wname} has no jobs`;
		const names = new Set<string>();
		for (const entry of wf.jobs) {
			const [job, cfg] = typeof entry === "string" ? [entry, {}] : Object.entries(entry as object)[0]!;
			const c = (cfg ?? {}) as Record<string, unknown>;
			if (!(job in jobs) && c.type !== "approval") return `circleci: workflow job ${job} is not defined`;
			names.add(typeof c.name === "string" ? c.name : job);
			for (const r of Array.isArray(c.requires) ? c.requires : [])
				if (!names.has(String(r))) return `circleci: ${job} requires ${String(r)} before it is declared`;
		}
	}
	return undefined;
}

/** Azure Pipelines: stages hold jobs; a deployment job has an environment and a strategy; dependsOn names stages. */
function checkAzure(v: unknown): string | undefined {
	if (!isObj(v) || !Array.isArray(v.stages)) return "azure: stages missing";
	const seen: string[] = [];
	for (const s of v.stages) {
		if (!isObj(s) || typeof s.stage !== "string" || !Array.isArray(s.jobs))
			return "azure: a stage has no name or jobs";
		for (const d of [s.dependsOn].flat().filter(Boolean))
			if (!seen.includes(String(d))) return `azure: stage ${s.stage} depends on unknown stage ${String(d)}`;
		seen.push(s.stage);
		for (const j of s.jobs) {
			if (!isObj(j)) return "azure: a job is not a mapping";
			if ("deployment" in j) {
				if (!j.environment || !isObj(j.strategy))
					return `azure: deployment ${String(j.deployment)} lacks environment or strategy`;
			} else if (!("job" in j) || !Array.isArray(j.steps)) return "azure: a job has no name or steps";
		}
	}
	return undefined;
}

/** Strings, comments and brackets of a C-like language (Groovy, Bicep): every opener closed in order. */
export function checkBrackets(
	body: string,
	opts: { tripleQuotes: boolean; hashComments?: boolean },
): string | undefined {
	const stack: string[] = [];
	const pairs: Record<string, string> = { "}": "{", ")": "(", "]": "[" };
	let i = 0;
	let line = 1;
	while (i < body.length) {
		const c = body[i]!;
		if (c === "\n") line++;
		if (c === "/" && body[i + 1] === "/") {
			while (i < body.length && body[i] !== "\n") i++;
			continue;
		}
		if (c === "/" && body[i + 1] === "*") {
			const end = body.indexOf("*/", i + 2);
			if (end < 0) return `line ${line}: unclosed comment`;
			line += body.slice(i, end).split("\n").length - 1;
			i = end + 2;
			continue;
		}
		if (c === "'" || c === '"') {
			const triple = opts.tripleQuotes && body.startsWith(c.repeat(3), i);
			const close = triple ? c.repeat(3) : c;
			let j = i + close.length;
			for (;;) {
				if (j >= body.length) return `line ${line}: unclosed string`;
				if (body[j] === "\\") {
					j += 2;
					continue;
				}
				if (!triple && body[j] === "\n") return `line ${line}: string runs past the end of the line`;
				if (body.startsWith(close, j)) break;
				j++;
			}
			line += body.slice(i, j).split("\n").length - 1;
			i = j + close.length;
			continue;
		}
		if ("{([".includes(c)) stack.push(c);
		else if (c in pairs) {
			if (stack.pop() !== pairs[c]) return `line ${line}: unbalanced ${c}`;
		}
		i++;
	}
	return stack.length ? `unclosed ${stack.join("")}` : undefined;
}

/** Declarative Jenkinsfile: brackets balance, `pipeline { agent … stages { stage(…) { steps … } } }`, `sh` scripts parse. */
function checkJenkinsfile(body: string): string | undefined {
	const b = checkBrackets(body, { tripleQuotes: true });
	if (b) return `groovy: ${b}`;
	if (!/^pipeline\s*\{/m.test(body)) return "jenkinsfile: no pipeline block";
	if (!/^\s*agent\b/m.test(body)) return "jenkinsfile: no agent";
	if (!/^\s*stages\s*\{/m.test(body)) return "jenkinsfile: no stages block";
	const stages = [...body.matchAll(/stage\('([^']+)'\)\s*\{/g)];
	if (!stages.length) return "jenkinsfile: no stage";
	for (const m of body.matchAll(/\bsh\s+(?:script:\s*)?'''([\s\S]*?)'''|\bsh\s+'((?:[^'\\\n]|\\.)*)'/g)) {
		const script = (m[1] ?? m[2] ?? "").replace(/\\'/g, "'").replace(/\\\\/g, "\\");
		const e = checkShell(script);
		if (e) return `jenkinsfile sh step: ${e}`;
	}
	return undefined;
}

function checkTypescript(body: string): string | undefined {
	const sf = ts.createSourceFile("block.ts", body, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
	const d = diags[0];
	return d ? `typescript: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}` : undefined;
}

/** The first problem of a block, or undefined when its language's parser accepts it. */
export async function validateBlock(block: CodeBlock): Promise<string | undefined> {
	const { lang, body } = block;
	switch (lang) {
		case "yaml":
		case "yml": {
			const { value, error } = yamlDocs(body);
			if (error) return error;
			const kind = ciKind(block, value);
			const check =
				kind === "github"
					? checkGithubWorkflow(body)
					: kind === "gitlab"
						? checkGitlab(value)
						: kind === "circleci"
							? checkCircle(value)
							: kind === "azure"
								? checkAzure(value)
								: undefined;
			if (check) return check;
			const keys = kind === "github" || kind === "circleci" ? ["run"] : kind ? ["script"] : [];
			// One `bash -n` for all steps: each is closed by a no-op line, so an unclosed construct still fails.
			const steps = shellSteps(value, keys).map(neutralise);
			const e = steps.length ? checkShell(steps.join("\n:\n")) : undefined;
			return e ? `${kind} step: ${e}` : undefined;
		}
		case "toml":
			try {
				parseToml(body);
				return undefined;
			} catch (e) {
				return `toml: ${(e as Error).message.split("\n")[0]}`;
			}
		case "hcl":
		case "terraform":
			try {
				await parseHcl("main.tf", `${body}\n`);
				return undefined;
			} catch (e) {
				return `hcl: ${String(e).slice(0, 300)}`;
			}
		case "json":
			try {
				JSON.parse(body);
				return undefined;
			} catch (e) {
				return `json: ${(e as Error).message}`;
			}
		case "bash":
		case "sh":
		case "shell":
			return checkShell(body);
		case "groovy":
			return checkJenkinsfile(body);
		case "bicep": {
			const b = checkBrackets(body, { tripleQuotes: true });
			return b ? `bicep: ${b}` : undefined;
		}
		case "typescript":
		case "ts":
			return checkTypescript(body);
		case "text":
		case "mermaid":
			return undefined;
		default:
			return `no validator for code blocks of language "${lang}"`;
	}
}
