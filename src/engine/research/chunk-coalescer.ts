// An agent's output gathered between deliveries: the reads of one stream in a row become one batch. A flooding agent
// arrives in thousands of small reads; what comes after the pipe (the event queue, sanitising, the panel, the
// transcript file's writes) then runs once per batch instead of once per read. Each read is decoded on its own and
// nothing is concatenated: pieces of up to a pipe's size stay cheap to allocate, one large string per batch would not.

import { isAscii } from "node:buffer";

export type OutputStream = "stdout" | "stderr";

export interface OutputBatch {
	stream: OutputStream;
	/** The text, in pieces, in the order it arrived. */
	texts: string[];
	/** The bytes the pieces were decoded from, when they are their exact UTF-8 (ASCII output): written out as they are. */
	bytes?: Buffer[];
}

export class ChunkCoalescer {
	private runs: OutputBatch[] = [];
	private readonly decoders: Record<OutputStream, TextDecoder> = {
		stdout: new TextDecoder("utf-8"),
		stderr: new TextDecoder("utf-8"),
	};
	/** The decoder has seen the stream's first bytes (it drops a byte-order mark only there). */
	private readonly started: Record<OutputStream, boolean> = { stdout: false, stderr: false };
	/** The decoder holds no part of a character: the last byte it was given was ASCII. */
	private readonly settled: Record<OutputStream, boolean> = { stdout: true, stderr: true };
	/** Bytes gathered and not yet taken. */
	bytes = 0;

	push(stream: OutputStream, chunk: Buffer): void {
		if (chunk.length === 0) return;
		this.bytes += chunk.length;
		let run = this.runs[this.runs.length - 1];
		if (run?.stream !== stream) {
			run = { stream, texts: [], bytes: [] };
			this.runs.push(run);
		}
		// ASCII with nothing half-decoded before it is its own text: no decoding pass, and the bytes can be reused.
		if (this.started[stream] && this.settled[stream] && isAscii(chunk)) {
			run.texts.push(chunk.toString("latin1"));
			run.bytes?.push(chunk);
			return;
		}
		this.started[stream] = true;
		const text = this.decoders[stream].decode(chunk, { stream: true });
		this.settled[stream] = chunk[chunk.length - 1]! < 0x80;
		if (text) run.texts.push(text);
		run.bytes = undefined;
	}

	/**
	 * Everything gathered, one batch per run of one stream, in the order it arrived; empties the coalescer.
	 * `end`: the streams are over, so a character cut off at the end is given up (as U+FFFD) rather than kept.
	 */
	take(end = false): OutputBatch[] {
		const out = this.runs.filter((r) => r.texts.length > 0);
		this.runs = [];
		this.bytes = 0;
		if (end) {
			for (const stream of ["stdout", "stderr"] as const) {
				const rest = this.decoders[stream].decode();
				this.settled[stream] = true;
				if (rest) out.push({ stream, texts: [rest] });
			}
		}
		return out;
	}
}
