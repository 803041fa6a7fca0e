// Crash-safe writes: no symlink following, O_EXCL temp in the same folder, full write, fsync, size check, rename, folder fsync.

import { randomBytes } from "node:crypto";
import {
	accessSync,
	closeSync,
	constants,
	copyFileSync,
	existsSync,
	fstatSync,
	fsyncSync,
	lstatSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	realpathSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync,
} from "node:fs";
import path from "node:path";
import { describeFsError, describeKind, ExitCode, fileOnPath, GenesisError } from "./errors";

const TEMP_MARK = ".genesis-";

export interface OutputFile {
	abs: string;
	content: string;
}

export interface WriteResult {
	written: string[];
	backups: string[];
}

function isInside(root: string, target: string): boolean {
	const r = path.relative(root, target);
	return r === "" || (!r.startsWith("..") && !path.isAbsolute(r));
}

function display(root: string, abs: string): string {
	const r = path.relative(root, abs);
	return r.startsWith("..") ? abs : r;
}

/** Refuses paths that leave the project, directly or through a symlinked folder. Creates the folder when missing. */
export function ensureSafeDir(root: string, abs: string): void {
	const realRoot = realpathSync(root);
	const dir = path.dirname(path.resolve(abs));
	if (!isInside(path.resolve(root), dir)) {
		throw new GenesisError(`${abs} is outside the project; refusing to write there`, ExitCode.cannotWrite);
	}
	try {
		mkdirSync(dir, { recursive: true });
	} catch (error) {
		// A recursive mkdir can report ENOENT where the real cause is a read-only or forbidden parent: ask the parent.
		const { exitCode, reason } = describeFsError(causeAtAncestor(dir) ?? error);
		throw new GenesisError(
			`Cannot create ${display(root, dir)}: ${reason}`,
			exitCode === ExitCode.missingInput ? ExitCode.cannotWrite : exitCode,
		);
	}
	if (!isInside(realRoot, realpathSync(dir))) {
		throw new GenesisError(
			`${display(root, dir)} leads outside the project through a symbolic link; refusing to write there`,
			ExitCode.cannotWrite,
		);
	}
}

/**
 * The project's input and output folders, checked once before any read or write: one that leads outside the project
 * through a symbolic link (itself or a folder above it) is refused with exit 73.
 */
export function refuseFoldersLeavingProject(root: string, dirs: string[]): void {
	let realRoot: string;
	try {
		realRoot = realpathSync(root);
	} catch {
		return;
	}
	for (const dir of dirs) {
		let real: string;
		try {
			real = realpathSync(dir);
		} catch {
			continue; // absent: created inside the project when needed (ensureSafeDir checks again)
		}
		if (!isInside(realRoot, real))
			throw new GenesisError(
				`${display(root, dir)} leads outside the project through a symbolic link; refusing to read or write through it. Replace the link with a folder and run again.`,
				ExitCode.cannotWrite,
			);
	}
}

function causeAtAncestor(dir: string): unknown {
	let cur = path.dirname(dir);
	while (!existsSync(cur) && path.dirname(cur) !== cur) cur = path.dirname(cur);
	try {
		accessSync(cur, constants.W_OK);
		return undefined;
	} catch (error) {
		return error;
	}
}

export type TargetState = "absent" | "file";

/** What is at an output path now; refuses symlinks and non-files. */
export function inspectTarget(root: string, abs: string): TargetState {
	let st: ReturnType<typeof lstatSync>;
	try {
		st = lstatSync(abs);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return "absent";
		const { exitCode, reason } = describeFsError(error);
		const file = (error as NodeJS.ErrnoException).code === "ENOTDIR" ? fileOnPath(abs) : undefined;
		throw new GenesisError(
			file
				? `Cannot write ${display(root, abs)}: ${display(root, file)} is a file, not a folder; move it away and run again.`
				: `Cannot check ${display(root, abs)}: ${reason}`,
			exitCode,
		);
	}
	if (st.isSymbolicLink()) {
		throw new GenesisError(
			`${display(root, abs)} is a symbolic link; refusing to write through it. Remove the link and run again.`,
			ExitCode.cannotWrite,
		);
	}
	if (!st.isFile())
		throw new GenesisError(
			`${display(root, abs)} exists and is ${describeKind(st)}; move it away and run again.`,
			ExitCode.cannotWrite,
		);
	return "file";
}

function fsyncDir(dir: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(dir, constants.O_RDONLY);
		fsyncSync(fd);
	} catch {
		// Some platforms refuse fsync on folders (EISDIR/EPERM/EINVAL): nothing more to do.
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/**
 * Creates `file` exclusively (O_EXCL, never through a symlink), writes all of `buf`, syncs and closes it.
 * Returns false when the name is taken; on any other failure removes what it made and throws
 * `{ stage: "open" | "write", error }`.
 */
function createExclusive(file: string, buf: Buffer): boolean {
	let fd: number;
	try {
		fd = openSync(
			file,
			constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
			0o644,
		);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
		throw { stage: "open", error };
	}
	try {
		let off = 0;
		while (off < buf.length) {
			const n = writeSync(fd, buf, off, buf.length - off);
			if (n <= 0) throw Object.assign(new Error("short write"), { code: "EIO" });
			off += n;
		}
		fsyncSync(fd);
		if (fstatSync(fd).size !== buf.length) throw Object.assign(new Error("size mismatch"), { code: "EIO" });
		closeSync(fd);
	} catch (error) {
		try {
			closeSync(fd);
		} catch {
			// already closed or failing
		}
		try {
			unlinkSync(file);
		} catch {
			// best effort
		}
		throw { stage: "write", error };
	}
	return true;
}

type CreateFailure = { stage: "open" | "write"; error: unknown };

/** Writes the whole buffer to a fresh temp file next to `abs` and returns its path; the caller renames it. */
export function stageTemp(root: string, abs: string, content: string | Buffer): string {
	const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
	for (;;) {
		const tmp = path.join(
			path.dirname(abs),
			`.${path.basename(abs)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString("hex")}.tmp`,
		);
		try {
			if (createExclusive(tmp, buf)) return tmp;
		} catch (failure) {
			const { stage, error } = failure as CreateFailure;
			const { exitCode, reason } = describeFsError(error);
			const after = stage === "open" ? "Nothing was changed." : "The previous file is unchanged.";
			throw new GenesisError(`Cannot write ${display(root, abs)}: ${reason}. ${after}`, exitCode);
		}
	}
}

/** One file, atomically (research notes, sessions). Overwrites a regular file; never a symlink. */
export function writeFileAtomic(root: string, abs: string, content: string | Buffer): void {
	ensureSafeDir(root, abs);
	inspectTarget(root, abs);
	const tmp = stageTemp(root, abs, content);
	try {
		renameSync(tmp, abs);
	} catch (error) {
		try {
			unlinkSync(tmp);
		} catch {
			// best effort
		}
		const { exitCode, reason } = describeFsError(error);
		throw new GenesisError(
			`Cannot write ${display(root, abs)}: ${reason}. The previous file is unchanged.`,
			exitCode,
		);
	}
	fsyncDir(path.dirname(abs));
}

function backupBase(abs: string, stamp: string): string {
	const clean = stamp
		.replace(/[-:]/g, "")
		.replace(/\.\d+Z$/, "Z")
		.replace(/[^0-9A-Za-z]/g, "");
	return `${abs}.${clean || "backup"}`;
}

/** Most backups one output may have for one timestamp: past it the write is refused, nothing replaced. */
export const MAX_BACKUPS_PER_STAMP = 1000;

/**
 * Copies the file at `abs` to a backup name nobody else holds: `<file>.<stamp>.bak`, then `<file>.<stamp>-2.bak`, …
 * Each candidate is created exclusively (O_EXCL, no symlink following), fully written and synced, so an
 * existing backup is never reused or replaced and the user's file is only ever replaced once its copy is on disk.
 */
export function createBackup(root: string, abs: string, stamp: string): string {
	const base = backupBase(abs, stamp);
	let content: Buffer;
	try {
		content = readFileSync(abs);
	} catch (error) {
		const { exitCode, reason } = describeFsError(error);
		throw new GenesisError(`Cannot back up ${display(root, abs)}: ${reason}. Nothing was changed.`, exitCode);
	}
	for (let n = 1; n <= MAX_BACKUPS_PER_STAMP; n++) {
		const name = n === 1 ? `${base}.bak` : `${base}-${n}.bak`;
		try {
			if (createExclusive(name, content)) return name;
		} catch (failure) {
			const { exitCode, reason } = describeFsError((failure as CreateFailure).error);
			throw new GenesisError(
				`Cannot back up ${display(root, abs)}: ${reason}. Nothing was changed.`,
				exitCode,
			);
		}
	}
	throw new GenesisError(
		`Cannot back up ${display(root, abs)}: ${MAX_BACKUPS_PER_STAMP} backups with the time stamp ${stamp} already exist. Move old backups away and run again; nothing was changed.`,
		ExitCode.cannotWrite,
	);
}

/**
 * Writes the section and its handoff together: both temps are staged before either is renamed,
 * existing files are backed up first (only with `force`), and a failure on the second rename puts the first back.
 */
export function writeOutputs(
	root: string,
	files: OutputFile[],
	options: { force: boolean; stamp: string },
): WriteResult {
	const states = files.map((f) => {
		ensureSafeDir(root, f.abs);
		return inspectTarget(root, f.abs);
	});
	const existing = files.filter((_, i) => states[i] === "file");
	if (existing.length && !options.force) {
		throw new GenesisError(
			`${existing.map((f) => display(root, f.abs)).join(" and ")} already exist${existing.length === 1 ? "s" : ""}; run with --force to replace (a backup is kept), or move ${existing.length === 1 ? "it" : "them"} away.`,
			ExitCode.cannotWrite,
		);
	}
	const backups: string[] = [];
	const backupOf = new Map<number, string>();
	// A failure here leaves the outputs untouched; the backups made so far are copies and stay on disk.
	files.forEach((f, i) => {
		if (states[i] !== "file") return;
		const b = createBackup(root, f.abs, options.stamp);
		backupOf.set(i, b);
		backups.push(b);
	});
	const temps: string[] = [];
	try {
		for (const f of files) temps.push(stageTemp(root, f.abs, f.content));
	} catch (error) {
		for (const t of temps) {
			try {
				unlinkSync(t);
			} catch {
				// best effort
			}
		}
		throw error;
	}
	const done: number[] = [];
	try {
		files.forEach((f, i) => {
			renameSync(temps[i]!, f.abs);
			done.push(i);
		});
	} catch (error) {
		// Put back what was already renamed, so the pair never comes from two runs.
		for (const i of done) {
			const f = files[i]!;
			try {
				const b = backupOf.get(i);
				if (b) copyFileSync(b, f.abs);
				else unlinkSync(f.abs);
			} catch {
				// reported below
			}
		}
		for (let i = done.length; i < temps.length; i++) {
			try {
				unlinkSync(temps[i]!);
			} catch {
				// best effort
			}
		}
		const { exitCode, reason } = describeFsError(error);
		throw new GenesisError(
			`Cannot write the outputs: ${reason}. The previous files are unchanged.`,
			exitCode,
		);
	}
	for (const dir of new Set(files.map((f) => path.dirname(f.abs)))) fsyncDir(dir);
	return { written: files.map((f) => f.abs), backups };
}

/** True while a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}

/** Removes temp files left by a crashed run (its pid is gone, or the file is over an hour old). */
export function sweepStaleTemps(dirs: string[], now = Date.now()): number {
	let removed = 0;
	for (const dir of dirs) {
		let names: string[];
		try {
			names = readdirSync(dir);
		} catch {
			continue;
		}
		for (const name of names) {
			const m = /^\..+\.genesis-(\d+)-[0-9a-f]+\.tmp$/.exec(name);
			if (!m) continue;
			const abs = path.join(dir, name);
			try {
				const old = now - statSync(abs).mtimeMs > 3_600_000;
				if (old || !pidAlive(Number(m[1]))) {
					unlinkSync(abs);
					removed++;
				}
			} catch {
				// gone already
			}
		}
	}
	return removed;
}
