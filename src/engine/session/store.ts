// Saved sessions: one store file per project (keyed by a hash of its real path, in conf's folder and layout), validated
// with a versioned zod schema, written through our crash-safe writer with the last good copy kept; the pid lock against
// a second run is in session-lock.ts.

import {
	copyFileSync,
	existsSync,
	linkSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	unlinkSync,
} from "node:fs";
import path from "node:path";
import * as z from "zod";
import "../io/zod-setup";
import type { PreflightReport } from "../inputs/preflight";
import { describeFsError, GenesisError } from "../io/errors";
import { parseJson } from "../io/json";
import { writeFileAtomic } from "../io/write";
import type { AgentGroup } from "../research/agent-groups";
import { DECISION_IDS, type DecisionId, STEPS, type Step } from "../vocabulary";
import { ProjectLock, storeFiles } from "./lock";

export const SESSION_VERSION = 1;

/** Built on first use: a run without a saved session never needs it. */
function buildSessionSchema() {
	const Provenance = z.string().regex(/^(recommended|flag|answers|user|agent:.+)$/);
	const Override = z.object({ value: z.string(), provenance: Provenance });
	const Findings = z.object({
		task: z.enum(["deploy", "iac", "cicd"]),
		backend: z.string(),
		recommendation: z.object({ value: z.string(), rationale: z.string() }).optional(),
		alternatives: z.array(z.object({ value: z.string(), tradeoff: z.string() })),
		facts: z.array(
			z.object({
				text: z.string(),
				sourceIds: z.array(z.string()),
				urls: z.array(z.string()),
				checked: z.record(z.string(), z.string()).optional(),
			}),
		),
	});
	const Task = z.object({
		status: z.enum(["pending", "running", "done", "failed", "timed-out", "cancelled"]),
		backend: z.string(),
		lines: z.number().int().nonnegative(),
		findings: Findings.optional(),
		notesFile: z.string().optional(),
		error: z.string().optional(),
		/** The panel's last lines, to show finished research again without re-running it. */
		transcript: z.array(z.string()).max(400),
	});
	return z.object({
		version: z.literal(SESSION_VERSION),
		projectRoot: z.string(),
		savedAt: z.string(),
		step: z.enum(STEPS as [Step, ...Step[]]),
		inputs: z.record(z.string(), z.string()),
		research: z.object({ deploy: Task, iac: Task, cicd: Task }),
		decisionIndex: z.number().int().nonnegative(),
		overrides: z.partialRecord(z.enum(DECISION_IDS as [DecisionId, ...DecisionId[]]), Override),
		questionIndex: z.number().int().nonnegative(),
		answers: z.record(z.string(), z.object({ text: z.string(), provenance: z.enum(["user", "answers"]) })),
	});
}

let sessionSchema: ReturnType<typeof buildSessionSchema> | undefined;
function SessionSchema() {
	sessionSchema ??= buildSessionSchema();
	return sessionSchema;
}

export type SavedSession = z.infer<ReturnType<typeof buildSessionSchema>>;

/** Writes the store file the way conf lays it out ({"session": …}, tab-indented), through our crash-safe writer,
 * keeping the last good copy and verifying what was written. (conf's own atomic write can leave a truncated file
 * on a full disk, so the store is read and written here directly.) */
function writeStore(file: string, value: Record<string, unknown>): void {
	const data = `${JSON.stringify(value, undefined, "\t")}\n`;
	const dir = path.dirname(file);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	if (existsSync(file) && isValidSessionFile(file)) copyFileSync(file, `${file}.bak`);
	writeFileAtomic(dir, file, data);
	if (readFileSync(file, "utf8") !== data)
		throw Object.assign(new Error("the saved session did not read back"), { code: "EIO" });
}

function readStore(file: string): Record<string, unknown> {
	const parsed = parseJson(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
	if (!parsed.ok) throw new SyntaxError(parsed.reason);
	if (!parsed.value || typeof parsed.value !== "object" || Array.isArray(parsed.value))
		throw new SyntaxError("not an object");
	return parsed.value as Record<string, unknown>;
}

function isValidSessionFile(file: string): boolean {
	try {
		const parsed = parseJson(readFileSync(file, "utf8"));
		return parsed.ok && SessionSchema().safeParse((parsed.value as Record<string, unknown>).session).success;
	} catch {
		return false;
	}
}

export type LoadResult =
	| { kind: "none" }
	| { kind: "found"; session: SavedSession }
	| { kind: "set-aside"; movedTo: string; reason: string };

function stamp(): string {
	return new Date()
		.toISOString()
		.replace(/[-:]/g, "")
		.replace(/\.\d+Z$/, "Z");
}

/** Moves `file` to `base`, or `base-2`, `base-3` … : an earlier set-aside copy is never replaced. */
function moveToFreeName(file: string, base: string): string {
	for (let n = 1; n < 1000; n++) {
		const name = n === 1 ? base : `${base}-${n}`;
		try {
			linkSync(file, name); // fails with EEXIST instead of replacing
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === "EEXIST") continue;
			if (existsSync(name)) continue;
			renameSync(file, name); // a file system without hard links
			return name;
		}
		unlinkSync(file);
		return name;
	}
	throw Object.assign(new Error("too many set-aside copies"), { code: "EEXIST" });
}

export class SessionStore {
	readonly key: string;
	readonly file: string;
	/** Set once when saving fails; the wizard goes on without saving. */
	saveError: string | undefined;
	private readonly projectLock: ProjectLock;

	constructor(
		readonly projectRoot: string,
		env: NodeJS.ProcessEnv = process.env,
		/** A lock taken earlier (the wizard takes it before its first screen); otherwise lock() takes one. */
		lock?: ProjectLock,
	) {
		const files = storeFiles(projectRoot, env);
		this.key = files.key;
		this.file = files.session;
		this.projectLock = lock ?? new ProjectLock(projectRoot, env);
		this.saveError = this.projectLock.error;
	}

	/** Checks a schema-valid session against the project as fresh input is checked (the wizard sets it). */
	vet:
		| ((saved: SavedSession) => { ok: true; session: SavedSession } | { ok: false; reason: string })
		| undefined;

	/** Reads the saved session; one that cannot be read or fails the check is moved aside (never deleted) and reported. */
	load(): LoadResult {
		if (!existsSync(this.file)) return { kind: "none" };
		let raw: unknown;
		try {
			raw = readStore(this.file).session;
		} catch (error) {
			return this.setAside(
				error instanceof SyntaxError ? "it is not valid JSON" : describeFsError(error).reason,
			);
		}
		if (raw === undefined) return { kind: "none" };
		const version = (raw as { version?: unknown })?.version;
		if (typeof version === "number" && version > SESSION_VERSION)
			return this.setAside(`it was saved by a newer genesis-tui (format ${version})`);
		const migrated = migrate(raw);
		const parsed = SessionSchema().safeParse(migrated);
		if (!parsed.success) return this.setAside("it does not match the session format");
		if (!this.vet) return { kind: "found", session: parsed.data };
		const vetted = this.vet(parsed.data);
		return vetted.ok ? { kind: "found", session: vetted.session } : this.setAside(vetted.reason);
	}

	private setAside(reason: string): LoadResult {
		let movedTo = "";
		try {
			movedTo = moveToFreeName(this.file, `${this.file}.corrupt-${stamp()}`);
		} catch (error) {
			return {
				kind: "set-aside",
				movedTo: this.file,
				reason: `${reason}; it could not be moved (${describeFsError(error).reason})`,
			};
		}
		return { kind: "set-aside", movedTo, reason };
	}

	/** Saves synchronously; a failure is remembered and reported once, and never replaces the last good copy. */
	save(session: SavedSession): boolean {
		if (this.saveError) return false;
		try {
			writeStore(this.file, { session });
			return true;
		} catch (error) {
			this.saveError = error instanceof GenesisError ? error.message : describeFsError(error).reason;
			// A failed write may have left nothing or a stale copy: put the last good copy back.
			try {
				if (existsSync(`${this.file}.bak`) && !isValidSessionFile(this.file))
					copyFileSync(`${this.file}.bak`, this.file);
			} catch {
				// nothing more to do
			}
			return false;
		}
	}

	clear(): void {
		for (const f of [this.file, `${this.file}.bak`]) {
			try {
				unlinkSync(f);
			} catch {
				// already gone
			}
		}
	}

	/** Takes the project lock (unless given one already taken): a live holder is refused, a dead one's is cleared. */
	lock(): void {
		this.projectLock.lock();
		this.saveError ??= this.projectLock.error;
	}

	/** Records the live agent groups in the lock (best effort). */
	recordAgents(agents: AgentGroup[]): void {
		this.projectLock.recordAgents(agents);
	}

	/** Agent process groups an earlier, killed run left behind, stopped when the lock was taken. */
	get orphansStopped(): string[] {
		return this.projectLock.orphansStopped;
	}

	unlock(): void {
		this.projectLock.unlock();
	}
}

/** Older session formats become the current one here (none exist yet beyond version 1). */
export function migrate(raw: unknown): unknown {
	return raw;
}

/** The input files' hashes, to tell on resume whether the handoffs changed. */
export function inputHashes(report: PreflightReport): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of report.inputs) if (i.id.startsWith("handoff")) out[i.id] = i.sha256 ?? "missing";
	return out;
}

export function changedInputs(saved: SavedSession, report: PreflightReport): string[] {
	const now = inputHashes(report);
	return report.inputs
		.filter((i) => i.id.startsWith("handoff") && (saved.inputs[i.id] ?? "missing") !== now[i.id])
		.map((i) => i.file);
}

export interface SessionListing {
	file: string;
	projectRoot: string;
	step: string;
	savedAt: string;
}

/** Every saved session in the store folder (for `genesis-tui sessions`). */
export function listSessions(store: SessionStore): SessionListing[] {
	const dir = path.dirname(store.file);
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	const out: SessionListing[] = [];
	for (const name of names.filter((n) => /^session-[0-9a-f]{16}\.json$/.test(n)).sort()) {
		const file = path.join(dir, name);
		try {
			const parsed = parseJson(readFileSync(file, "utf8"));
			const s = parsed.ok
				? SessionSchema().safeParse((parsed.value as Record<string, unknown>).session)
				: undefined;
			if (s?.success)
				out.push({ file, projectRoot: s.data.projectRoot, step: s.data.step, savedAt: s.data.savedAt });
			else
				out.push({
					file,
					projectRoot: "(unreadable)",
					step: "?",
					savedAt: statSync(file).mtime.toISOString(),
				});
		} catch {
			// vanished meanwhile
		}
	}
	return out;
}

export function clearAllSessions(store: SessionStore): number {
	let n = 0;
	for (const s of listSessions(store)) {
		for (const f of [s.file, `${s.file}.bak`]) {
			try {
				unlinkSync(f);
				if (f === s.file) n++;
			} catch {
				// gone
			}
		}
	}
	return n;
}
