// A research panel's output outside React: sanitised, split into capped lines, kept in a bounded ring.

import { TerminalSanitizer } from "../io/sanitize";

export const MAX_LINE = 8 * 1024;
/** Characters written and not yet split into lines, at most (a line without end or a panel nobody reads). */
const GATHER_LIMIT = 1024 * 1024;

export interface PanelLine {
	text: string;
	stream: "stdout" | "stderr";
}

export class PanelBuffer {
	// Parallel arrays rather than an object per line: floods push hundreds of thousands of lines.
	private readonly ring: string[];
	private readonly streams: Uint8Array;
	private start = 0;
	private size = 0;
	/** Lines ever pushed (the ring keeps the last `capacity`); read through `total`. */
	private count = 0;
	/** Set on every change; the shared flush timer clears it. */
	dirty = false;
	private partial: Record<PanelLine["stream"], string> = { stdout: "", stderr: "" };
	/** Characters of an over-long line not shown in the panel. */
	private overflow: Record<PanelLine["stream"], number> = { stdout: 0, stderr: 0 };
	private readonly sanitizers: Record<PanelLine["stream"], TerminalSanitizer>;
	/**
	 * Clean output written since the panel was last read, in runs of one stream: text, or plain ASCII bytes (see
	 * writePlain) with their newline count in `lines` (-1 for text, whose lines are counted when split).
	 */
	private gathered: { stream: PanelLine["stream"]; parts: (string | Buffer)[]; lines: number[] }[] = [];
	private gatheredChars = 0;

	constructor(
		readonly capacity = 2000,
		keepSgr = false,
	) {
		this.ring = new Array(capacity);
		this.streams = new Uint8Array(capacity);
		this.sanitizers = {
			stdout: new TerminalSanitizer({ keepSgr }),
			stderr: new TerminalSanitizer({ keepSgr }),
		};
	}

	private append(text: string, stream: PanelLine["stream"]): void {
		// Whole lines up to the cap (plus room for the marker of an over-long line) are kept as they are.
		const cut = text.length > MAX_LINE + 32 ? `${text.slice(0, MAX_LINE)}… [line continues]` : text;
		// Lines are slices of their chunk; with lines capped at 8 KiB the ring keeps at most a few chunks alive.
		const line = cut;
		const at = (this.start + this.size) % this.capacity;
		this.ring[at] = line;
		this.streams[at] = stream === "stderr" ? 1 : 0;
		if (this.size < this.capacity) this.size++;
		else this.start = (this.start + 1) % this.capacity;
		this.count++;
		this.dirty = true;
	}

	/**
	 * A chunk of raw output: partial lines wait for their newline, but never grow past the line cap. Sanitised now;
	 * split into lines when the panel is next read (or once enough has gathered), so a flood between two frames is
	 * split once, and only its lines that can still be shown are kept.
	 */
	write(chunk: string, stream: PanelLine["stream"] = "stdout", alreadyClean = false): void {
		// Text already made file-safe (controls as caret text) needs only its tabs expanded for the panel.
		const clean = alreadyClean
			? chunk.includes("\t")
				? chunk.replace(/\t/g, "    ")
				: chunk
			: this.sanitizers[stream].push(chunk);
		if (!clean) return;
		this.gather(clean, -1, stream);
	}

	/**
	 * Plain printable ASCII (tab, newline, 0x20–0x7e) with its newline count: nothing to sanitise, and only the lines
	 * the ring can still show are ever decoded.
	 */
	writePlain(bytes: Buffer, lines: number, stream: PanelLine["stream"] = "stdout"): void {
		if (bytes.length === 0) return;
		this.gather(bytes, lines, stream);
	}

	private gather(part: string | Buffer, lines: number, stream: PanelLine["stream"]): void {
		const last = this.gathered[this.gathered.length - 1];
		if (last?.stream === stream) {
			last.parts.push(part);
			last.lines.push(lines);
		} else this.gathered.push({ stream, parts: [part], lines: [lines] });
		this.gatheredChars += part.length;
		this.dirty = true;
		if (this.gatheredChars > GATHER_LIMIT) this.settle();
	}

	/** Splits what was written since the last read into lines. */
	private settle(): void {
		if (this.gathered.length === 0) return;
		const gathered = this.gathered;
		this.gathered = [];
		this.gatheredChars = 0;
		for (const run of gathered) this.splitRun(run.parts, run.lines, run.stream);
	}

	/**
	 * One stream's pieces of output, in order. Whole lines that the ring would drop again before anyone could see them
	 * are only counted: the ring gets the last `capacity` lines, found by walking back over the newlines (a piece of
	 * plain bytes whose newlines all fit is passed over by its count).
	 */
	private splitRun(parts: (string | Buffer)[], lines: number[], stream: PanelLine["stream"]): void {
		let seen = 0;
		let part = parts.length - 1;
		let at = -1;
		/** Newlines of the piece where the walk stopped, at and after `at`. */
		let seenInPart = 0;
		for (; part >= 0 && at === -1; part--) {
			const piece = parts[part]!;
			const known = lines[part]!;
			if (known >= 0 && seen + known <= this.capacity) {
				seen += known;
				continue;
			}
			seenInPart = 0;
			let nl = lastNewline(piece, piece.length - 1);
			while (nl !== -1) {
				seenInPart++;
				if (++seen > this.capacity) {
					at = nl;
					break;
				}
				nl = nl === 0 ? -1 : lastNewline(piece, nl - 1);
			}
		}
		if (at === -1) {
			for (const piece of parts) this.split(textOf(piece, 0), stream);
			return;
		}
		part++;
		// parts[..part-1] and parts[part] up to `at` are whole lines that cannot be shown: counted, and nothing of them
		// is kept (the end of an over-long line shown earlier is not a line of its own).
		let skipped = 0;
		for (let i = 0; i < part; i++) skipped += lines[i]! >= 0 ? lines[i]! : countNewlines(parts[i]!);
		const cut = parts[part]!;
		skipped += lines[part]! >= 0 ? lines[part]! - (seenInPart - 1) : countNewlines(cut, at);
		this.count += skipped - (this.overflow[stream] > 0 ? 1 : 0);
		this.overflow[stream] = 0;
		this.partial[stream] = "";
		this.split(textOf(cut, at + 1), stream);
		for (let i = part + 1; i < parts.length; i++) this.split(textOf(parts[i]!, 0), stream);
	}

	private split(clean: string, stream: PanelLine["stream"]): void {
		let pending = this.partial[stream] + clean;
		let nl = pending.indexOf("\n");
		if (nl !== -1 && this.overflow[stream] > 0) {
			// The over-long line ends here; its rest was not shown.
			this.overflow[stream] = 0;
			pending = pending.slice(nl + 1);
			nl = pending.indexOf("\n");
		}
		// Walk the newlines by index: one slice per line, not one per line for the rest of the chunk too.
		let from = 0;
		while (nl !== -1) {
			this.append(pending.slice(from, nl), stream);
			from = nl + 1;
			nl = pending.indexOf("\n", from);
		}
		if (from > 0) pending = pending.slice(from);
		if (this.overflow[stream] > 0) {
			// Inside an over-long line: count it, show nothing more of it.
			this.overflow[stream] += pending.length;
			pending = "";
		} else if (pending.length > MAX_LINE) {
			// The panel shows the first 8 KiB of an over-long line; the transcript file keeps all of it.
			this.append(`${pending.slice(0, MAX_LINE)}… [line continues]`, stream);
			this.overflow[stream] = pending.length - MAX_LINE;
			pending = "";
		}
		this.partial[stream] = pending;
	}

	/** One whole line. */
	line(text: string, stream: PanelLine["stream"] = "stdout"): void {
		this.write(`${text}\n`, stream);
	}

	/** Flushes a trailing partial line (at the end of a stream). */
	end(): void {
		this.settle();
		for (const stream of ["stdout", "stderr"] as const) {
			const rest = this.partial[stream] + this.sanitizers[stream].flush();
			this.partial[stream] = "";
			if (rest) this.append(rest, stream);
		}
	}

	clear(): void {
		this.start = 0;
		this.size = 0;
		this.count = 0;
		this.gathered = [];
		this.gatheredChars = 0;
		this.partial = { stdout: "", stderr: "" };
		this.overflow = { stdout: 0, stderr: 0 };
		this.dirty = true;
	}

	/** The `count` lines ending `offset` lines above the newest (offset 0 = the live tail). */
	tail(count: number, offset = 0): PanelLine[] {
		this.settle();
		const partialLines: PanelLine[] = [];
		if (offset === 0) {
			if (this.partial.stdout) partialLines.push({ text: this.partial.stdout, stream: "stdout" });
			if (this.partial.stderr) partialLines.push({ text: this.partial.stderr, stream: "stderr" });
		}
		const available = this.size;
		const maxOffset = Math.max(0, available - count);
		const off = Math.min(offset, maxOffset);
		const end = available - off;
		const begin = Math.max(0, end - count + partialLines.length);
		const out: PanelLine[] = [];
		for (let i = begin; i < end; i++) {
			const at = (this.start + i) % this.capacity;
			out.push({ text: this.ring[at]!, stream: this.streams[at] === 1 ? "stderr" : "stdout" });
		}
		return [...out, ...partialLines].slice(-count);
	}

	/** How many lines can be scrolled back. */
	get retained(): number {
		this.settle();
		return this.size;
	}

	/** Lines ever written (the ring keeps the last `capacity`). */
	get total(): number {
		this.settle();
		return this.count;
	}
}

function lastNewline(piece: string | Buffer, from: number): number {
	return typeof piece === "string" ? piece.lastIndexOf("\n", from) : piece.lastIndexOf(0x0a, from);
}

/** Newlines in `text` up to `end` (inclusive; the whole text by default). */
function countNewlines(piece: string | Buffer, end = piece.length - 1): number {
	let n = 0;
	if (typeof piece === "string") {
		for (let nl = piece.indexOf("\n"); nl !== -1 && nl <= end; nl = piece.indexOf("\n", nl + 1)) n++;
	} else {
		for (let nl = piece.indexOf(0x0a); nl !== -1 && nl <= end; nl = piece.indexOf(0x0a, nl + 1)) n++;
	}
	return n;
}

/** A piece from `from` on as panel text: plain bytes are decoded (they are ASCII) and their tabs expanded. */
function textOf(piece: string | Buffer, from: number): string {
	if (typeof piece === "string") return from === 0 ? piece : piece.slice(from);
	const text = piece.toString("latin1", from);
	return text.includes("\t") ? text.replace(/\t/g, "    ") : text;
}
