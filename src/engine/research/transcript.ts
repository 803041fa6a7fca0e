// A task's full agent transcript, streamed to genesis_output/research/ (sanitised, capped), renamed into place at the end.

import { randomBytes } from "node:crypto";
import {
	closeSync,
	constants,
	fsync,
	fsyncSync,
	openSync,
	renameSync,
	unlinkSync,
	writeSync,
	writevSync,
} from "node:fs";
import path from "node:path";
import { sanitizeForFile } from "../io/sanitize";
import { ensureSafeDir, inspectTarget } from "../io/write";

export const TRANSCRIPT_CAP = 20 * 1024 * 1024;

export class TranscriptSink {
	private fd: number | undefined;
	private readonly tmp: string;
	private bytes = 0;
	private truncated = false;
	/** Everything written is on disk already (closeAsync): close need not fsync again. */
	private synced = false;

	constructor(
		root: string,
		readonly file: string,
		header: string,
	) {
		ensureSafeDir(root, file);
		inspectTarget(root, file);
		this.tmp = path.join(
			path.dirname(file),
			`.${path.basename(file)}.genesis-${process.pid}-${randomBytes(6).toString("hex")}.tmp`,
		);
		this.fd = openSync(
			this.tmp,
			constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
			0o644,
		);
		this.write(header);
	}

	/** `alreadyClean`: the text went through sanitizeForFile already. */
	write(text: string, stream: "stdout" | "stderr" = "stdout", alreadyClean = false): void {
		if (this.fd === undefined || this.truncated) return;
		this.synced = false;
		const safe = alreadyClean ? text : sanitizeForFile(text);
		const clean = stream === "stderr" ? safe.replace(/^(?=.)/gm, "[stderr] ") : safe;
		const length = Buffer.byteLength(clean, "utf8");
		if (this.overCap(length)) return;
		// A regular file takes the whole string in one write; fall back to a byte loop if it ever does not.
		const written = writeSync(this.fd, clean, null, "utf8");
		if (written < length) {
			const buf = Buffer.from(clean, "utf8");
			let off = written;
			while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
		}
		this.bytes += length;
	}

	/** Pieces of text that went through sanitizeForFile already, in one write. */
	writeClean(pieces: string[], stream: "stdout" | "stderr"): void {
		this.write(pieces.length === 1 ? pieces[0]! : pieces.join(""), stream, true);
	}

	/** Plain printable ASCII (see plain-scan): safe as it is, so stdout's bytes are written as they came, in one go. */
	writePlain(bytes: Buffer[], stream: "stdout" | "stderr"): void {
		if (this.fd === undefined || this.truncated) return;
		if (stream !== "stdout") {
			this.write(Buffer.concat(bytes).toString("latin1"), stream, true);
			return;
		}
		this.synced = false;
		let length = 0;
		for (const b of bytes) length += b.length;
		if (this.overCap(length)) return;
		let buffers = bytes;
		let left = length;
		while (left > 0) {
			let written = writevSync(this.fd, buffers);
			left -= written;
			if (left === 0) break;
			// A short write: go on from the first byte not written.
			let i = 0;
			while (written >= buffers[i]!.length) written -= buffers[i++]!.length;
			buffers = [buffers[i]!.subarray(written), ...buffers.slice(i + 1)];
		}
		this.bytes += length;
	}

	/** Past the cap, a note ends the file and nothing more is written. */
	private overCap(length: number): boolean {
		if (this.fd === undefined || this.bytes + length <= TRANSCRIPT_CAP) return false;
		this.truncated = true;
		writeSync(this.fd, Buffer.from(`\n[output truncated after ${TRANSCRIPT_CAP / 1024 / 1024} MB]\n`));
		return true;
	}

	/** Finishes the file: fsync, then rename over the previous transcript. */
	close(): string {
		if (this.fd === undefined) return this.file;
		if (!this.synced) fsyncSync(this.fd);
		closeSync(this.fd);
		this.fd = undefined;
		renameSync(this.tmp, this.file);
		return this.file;
	}

	/**
	 * As close, with the fsync on a worker thread: the screen goes on drawing (the panel's last lines, the other
	 * tasks) while a transcript of many megabytes reaches the disk.
	 */
	async closeAsync(): Promise<string> {
		const fd = this.fd;
		if (fd === undefined) return this.file;
		await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
		this.synced = true;
		return this.close();
	}

	/** Drops the temp file (nothing replaces the previous transcript). */
	abandon(): void {
		if (this.fd !== undefined) closeSync(this.fd);
		this.fd = undefined;
		try {
			unlinkSync(this.tmp);
		} catch {
			// gone
		}
	}
}
