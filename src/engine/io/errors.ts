// Exit codes and the one error type the engine throws for conditions a user can act on.

import { statSync } from "node:fs";
import path from "node:path";

export const ExitCode = {
	ok: 0,
	checkFailed: 1,
	usage: 2,
	badInput: 65,
	missingInput: 66,
	agentUnavailable: 69,
	internal: 70,
	cannotWrite: 73,
	ioError: 74,
	busy: 75,
	permission: 77,
	cancelled: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error whose message is meant for the user: it names the file and what to do. */
export class GenesisError extends Error {
	constructor(
		message: string,
		readonly exitCode: ExitCodeValue,
		readonly hint?: string,
	) {
		super(message);
		this.name = "GenesisError";
	}
}

/** Maps a Node fs error to an exit code and a plain reason. */
export function describeFsError(error: unknown): { exitCode: ExitCodeValue; reason: string } {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case "ENOSPC":
		case "EDQUOT":
			return { exitCode: ExitCode.ioError, reason: "the disk is full" };
		case "EACCES":
		case "EPERM":
			return { exitCode: ExitCode.permission, reason: "permission denied" };
		case "EROFS":
			return { exitCode: ExitCode.permission, reason: "the file system is read-only" };
		case "ENAMETOOLONG":
			return { exitCode: ExitCode.cannotWrite, reason: "the file name is too long" };
		case "ENOENT":
			return { exitCode: ExitCode.missingInput, reason: "it does not exist" };
		case "EISDIR":
			return { exitCode: ExitCode.missingInput, reason: "it is a folder, not a file" };
		case "ENOTDIR":
			return { exitCode: ExitCode.cannotWrite, reason: "part of its path is a file, not a folder" };
		case "EIO":
			return { exitCode: ExitCode.ioError, reason: "an input/output error occurred" };
		default:
			return {
				exitCode: ExitCode.ioError,
				reason: code ? `system error ${code}` : "an unexpected error occurred",
			};
	}
}

/** The first part of `abs`'s path that exists and is not a folder (why ENOTDIR happened), or undefined. */
export function fileOnPath(abs: string): string | undefined {
	const parts: string[] = [];
	for (let cur = path.dirname(path.resolve(abs)); path.dirname(cur) !== cur; cur = path.dirname(cur))
		parts.unshift(cur);
	for (const p of parts) {
		try {
			if (!statSync(p).isDirectory()) return p;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/** What a non-regular file is, for a message: "a folder", "a named pipe (FIFO)", "a device" … */
export function describeKind(st: {
	isDirectory(): boolean;
	isFIFO(): boolean;
	isSocket(): boolean;
	isCharacterDevice(): boolean;
	isBlockDevice(): boolean;
}): string {
	if (st.isDirectory()) return "a folder, not a file";
	if (st.isFIFO()) return "a named pipe (FIFO), not a regular file";
	if (st.isSocket()) return "a socket, not a regular file";
	if (st.isCharacterDevice() || st.isBlockDevice()) return "a device, not a regular file";
	return "not a regular file";
}
