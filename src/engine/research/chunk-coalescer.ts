// An agent's output gathered between deliveries: the reads of one stream in a row become one batch. A flooding agent
// arrives in thousands of small reads; what comes after the pipe (the event queue, the panel, the transcript file's
// writes) then runs once per batch instead of once per read. Reads are kept as bytes until the batch is taken: a
// batch of plain printable ASCII (see plain-scan) is handed over as its reads with their line counts, never decoded here;
// anything else is decoded, read by read, with one streaming decoder per stream.

import { scanPlain } from "./plain-scan";

export type OutputStream = "stdout" | "stderr";

export type OutputBatch =
	/** Text to sanitise, in pieces, in the order it arrived. */
	| { stream: OutputStream; kind: "text"; texts: string[] }
	/** Tab, newline and 0x20–0x7e only: safe as it is; the reads as they came, each with its number of newlines. */
	| { stream: OutputStream; kind: "plain"; bytes: Buffer[]; lines: number[] };

interface Run {
	stream: OutputStream;
	chunks: Buffer[];
}

export class ChunkCoalescer {
	private runs: Run[] = [];
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
			run = { stream, chunks: [] };
			this.runs.push(run);
		}
		run.chunks.push(chunk);
	}

	/**
	 * Everything gathered, one batch per run of one stream, in the order it arrived; empties the coalescer.
	 * `end`: the streams are over, so a character cut off at the end is given up (as U+FFFD) rather than kept.
	 */
	take(end = false): OutputBatch[] {
		const out: OutputBatch[] = [];
		for (const run of this.runs) {
			const batch = this.batch(run);
			if (batch) out.push(batch);
		}
		this.runs = [];
		this.bytes = 0;
		if (end) {
			for (const stream of ["stdout", "stderr"] as const) {
				const rest = this.decoders[stream].decode();
				this.settled[stream] = true;
				if (rest) out.push({ stream, kind: "text", texts: [rest] });
			}
		}
		return out;
	}

	private batch({ stream, chunks }: Run): OutputBatch | undefined {
		const decoder = this.decoders[stream];
		// Plain bytes need no decoder, unless it holds part of a character (then they are what follows it).
		if (this.settled[stream]) {
			const lines: number[] = [];
			for (const chunk of chunks) {
				const n = scanPlain(chunk);
				if (n < 0) break;
				lines.push(n);
			}
			if (lines.length === chunks.length) {
				if (!this.started[stream]) {
					// The decoder must not take a later byte-order mark for the stream's first bytes.
					decoder.decode(chunks[0]!.subarray(0, 1), { stream: true });
					this.started[stream] = true;
				}
				return { stream, kind: "plain", bytes: chunks, lines };
			}
		}
		this.started[stream] = true;
		const texts: string[] = [];
		for (const chunk of chunks) {
			const text = decoder.decode(chunk, { stream: true });
			if (text) texts.push(text);
		}
		this.settled[stream] = chunks[chunks.length - 1]!.at(-1)! < 0x80;
		return texts.length ? { stream, kind: "text", texts } : undefined;
	}
}
