// Reads one project input safely: regular files only, inside the project, size-capped, strict UTF-8.

import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from "node:fs";
import path from "node:path";
import { describeFsError, describeKind, fileOnPath } from "./errors";

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type ReadResult =
	| { kind: "ok"; text: string; bytes: number; sha256: string }
	| { kind: "missing" }
	| { kind: "unreadable"; reason: string };

function isInside(root: string, target: string): boolean {
	const rel = path.relative(root, target);
	return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}

/** Reads `absPath` (which must lie inside `root`) as UTF-8 text with BOM removed and CRLF folded to LF. */
export function readProjectFile(root: string, absPath: string, maxBytes = MAX_INPUT_BYTES): ReadResult {
	// /dev/stdin, /dev/fd/N, /proc/self/fd/N: a stream, read once and gone; never what an input should be.
	if (/^\/(dev|proc)\//.test(path.resolve(absPath)))
		return {
			kind: "unreadable",
			reason:
				"it is a stream or a device (like /dev/stdin), not a file; save the content to a file and pass that",
		};
	let stat: ReturnType<typeof lstatSync>;
	try {
		stat = lstatSync(absPath);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === "ENOTDIR") {
			const file = fileOnPath(absPath);
			if (file)
				return { kind: "unreadable", reason: `${path.relative(root, file) || file} is a file, not a folder` };
		}
		if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
		return { kind: "unreadable", reason: describeFsError(error).reason };
	}
	let target = absPath;
	if (stat.isSymbolicLink()) {
		try {
			target = realpathSync(absPath);
		} catch {
			return { kind: "unreadable", reason: "it is a symbolic link whose target does not exist" };
		}
		let realRoot = root;
		try {
			realRoot = realpathSync(root);
		} catch {
			// keep the given root
		}
		if (!isInside(realRoot, target)) {
			return {
				kind: "unreadable",
				reason: "it is a symbolic link to a file outside the project; copy the file into the project instead",
			};
		}
	}
	let fd: number;
	try {
		// O_NONBLOCK: a FIFO must not hang the read.
		fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		return { kind: "unreadable", reason: describeFsError(error).reason };
	}
	try {
		const st = fstatSync(fd);
		if (!st.isFile()) return { kind: "unreadable", reason: `it is ${describeKind(st)}` };
		if (st.size > maxBytes) {
			return {
				kind: "unreadable",
				reason: `it is ${formatBytes(st.size)}; the limit is ${formatBytes(maxBytes)}`,
			};
		}
		const buf = Buffer.alloc(st.size);
		let off = 0;
		while (off < st.size) {
			const got = readSync(fd, buf, off, st.size - off, off);
			if (got === 0) break;
			off += got;
		}
		const bytes = buf.subarray(0, off);
		let text: string;
		try {
			text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
		} catch {
			const at = firstInvalidUtf8(bytes);
			return { kind: "unreadable", reason: `it is not valid UTF-8 (at byte ${at}); save it as UTF-8` };
		}
		if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		text = text.replace(/\r\n/g, "\n");
		const sha256 = createHash("sha256").update(bytes).digest("hex");
		return { kind: "ok", text, bytes: off, sha256 };
	} catch (error) {
		return { kind: "unreadable", reason: describeFsError(error).reason };
	} finally {
		closeSync(fd);
	}
}

function firstInvalidUtf8(bytes: Uint8Array): number {
	let lo = 0;
	let hi = bytes.length;
	// Binary search for the shortest failing prefix.
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		try {
			// stream: an incomplete trailing sequence is not an error, an invalid one is.
			new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
			lo = mid + 1;
		} catch {
			hi = mid;
		}
	}
	return Math.max(0, lo - 1);
}
