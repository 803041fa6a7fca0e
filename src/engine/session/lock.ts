// Where a project's session lives, and the project lock: one run per project (a live holder is refused with exit 75,
// a dead one's lock is cleared and the agent groups it left running are stopped). No zod here: the wizard takes the
// lock before its first screen, and reads the session itself only when there is one.

import { createHash } from "node:crypto";
import {
	closeSync,
	constants,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	realpathSync,
	unlinkSync,
	writeFileSync,
	writeSync,
} from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { describeFsError, ExitCode, GenesisError } from "../io/errors";
import { parseJson } from "../io/json";
import { pidAlive } from "../io/write";
import type { AgentGroup } from "../research/agent-groups";

export function projectKey(root: string): string {
	let real = root;
	try {
		real = realpathSync(root);
	} catch {
		// keep the given path
	}
	return createHash("sha256").update(real).digest("hex").slice(0, 16);
}

/** Where sessions live: GENESIS_TUI_STATE_DIR, or the folder conf uses by default (env-paths' config folder). */
export function storeDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env.GENESIS_TUI_STATE_DIR) return path.resolve(env.GENESIS_TUI_STATE_DIR);
	const home = env.HOME || env.USERPROFILE || homedir();
	const name = "genesis-tui-nodejs";
	if (process.platform === "darwin") return path.join(home, "Library", "Preferences", name);
	if (process.platform === "win32")
		return path.join(env.APPDATA || path.join(home, "AppData", "Roaming"), name, "Config");
	return path.join(env.XDG_CONFIG_HOME || path.join(home, ".config"), name);
}

/** The project's session file and lock file. */
export function storeFiles(root: string, env: NodeJS.ProcessEnv = process.env) {
	const key = projectKey(root);
	const dir = storeDir(env);
	return { key, session: path.join(dir, `session-${key}.json`), lock: path.join(dir, `session-${key}.lock`) };
}

export class ProjectLock {
	/** Why the lock could not be taken (the store folder cannot be written): sessions are off then. */
	error: string | undefined;
	/** Agent process groups an earlier, killed run left behind, stopped when this run took the lock. */
	readonly orphansStopped: string[] = [];
	/** The project's session file (it may not exist). */
	readonly sessionFile: string;
	private readonly lockFile: string;
	private ownsLock = false;
	private readonly startedAt = new Date().toISOString();

	constructor(
		readonly projectRoot: string,
		env: NodeJS.ProcessEnv = process.env,
	) {
		const files = storeFiles(projectRoot, env);
		this.sessionFile = files.session;
		this.lockFile = files.lock;
	}

	/** Whether a saved session (readable or not) is there. */
	hasSavedSession(): boolean {
		return existsSync(this.sessionFile);
	}

	/** Takes the lock; a live holder is refused, a dead one's lock is cleared. Taking it again is a no-op. */
	lock(): void {
		if (this.ownsLock) return;
		try {
			mkdirSync(path.dirname(this.lockFile), { recursive: true });
		} catch (error) {
			this.error ??= describeFsError(error).reason;
			return;
		}
		for (let attempt = 0; attempt < 2; attempt++) {
			try {
				const fd = openSync(this.lockFile, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
				writeSync(
					fd,
					JSON.stringify({ pid: process.pid, startedAt: this.startedAt, root: this.projectRoot, agents: [] }),
				);
				closeSync(fd);
				this.ownsLock = true;
				return;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
					// A store we cannot write cannot be locked either; sessions are off then.
					this.error ??= describeFsError(error).reason;
					return;
				}
				const holder = readLock(this.lockFile);
				if (holder && holder.pid !== process.pid && pidAlive(holder.pid)) {
					throw new GenesisError(
						`genesis-tui (pid ${holder.pid}, started ${holder.startedAt}) is already using this project. Finish or quit that run first.`,
						ExitCode.busy,
					);
				}
				if (holder) this.stopOrphans(holder.agents);
				try {
					unlinkSync(this.lockFile);
				} catch {
					// raced with another cleaner
				}
			}
		}
	}

	/** Records the live agent groups in the lock (best effort). */
	recordAgents(agents: AgentGroup[]): void {
		if (!this.ownsLock) return;
		try {
			writeFileSync(
				this.lockFile,
				JSON.stringify({ pid: process.pid, startedAt: this.startedAt, root: this.projectRoot, agents }),
				{ mode: 0o600 },
			);
		} catch {
			// the lock still holds; only the orphan record is lost
		}
	}

	/** Stops agent groups recorded by a dead run, after checking each is still running the recorded command. */
	private stopOrphans(agents: { pid: number; command: string; name?: string }[]): void {
		for (const a of agents) {
			let cmdline = "";
			try {
				cmdline = readFileSync(`/proc/${a.pid}/cmdline`, "utf8").replace(/\u0000/g, " ");
			} catch {
				continue;
			}
			if (!cmdline.includes(path.basename(a.command))) continue;
			try {
				process.kill(-a.pid, "SIGKILL");
				this.orphansStopped.push(`${a.name ?? path.basename(a.command)} (pid ${a.pid})`);
			} catch {
				// already gone
			}
		}
	}

	unlock(): void {
		if (!this.ownsLock) return;
		try {
			const holder = readLock(this.lockFile);
			if (holder?.pid === process.pid) unlinkSync(this.lockFile);
		} catch {
			// already gone
		}
		this.ownsLock = false;
	}
}

function readLock(
	file: string,
): { pid: number; startedAt: string; agents: { pid: number; command: string }[] } | undefined {
	try {
		const parsed = parseJson(readFileSync(file, "utf8"));
		if (!parsed.ok) return undefined;
		const v = parsed.value as { pid?: unknown; startedAt?: unknown; agents?: unknown };
		const agents = Array.isArray(v.agents)
			? v.agents.filter(
					(a): a is { pid: number; command: string } =>
						typeof a?.pid === "number" && a.pid > 1 && typeof a?.command === "string",
				)
			: [];
		return typeof v.pid === "number"
			? { pid: v.pid, startedAt: String(v.startedAt ?? "?"), agents }
			: undefined;
	} catch {
		return undefined;
	}
}
