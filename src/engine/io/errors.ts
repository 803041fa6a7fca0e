// Exit codes and the one error type the engine throws for conditions a user can act on.

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
		case "EIO":
			return { exitCode: ExitCode.ioError, reason: "an input/output error occurred" };
		default:
			return {
				exitCode: ExitCode.ioError,
				reason: code ? `system error ${code}` : "an unexpected error occurred",
			};
	}
}
