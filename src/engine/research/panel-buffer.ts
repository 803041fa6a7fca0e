// A research panel's output outside React: sanitised, split into capped lines, kept in a bounded ring.

import { TerminalSanitizer } from "../io/sanitize";

export const MAX_LINE = 8 * 1024;

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
	/** Lines ever pushed (the ring keeps the last `capacity`). */
	total = 0;
	/** Set on every change; the shared flush timer clears it. */
	dirty = false;
	private partial: Record<PanelLine["stream"], string> = { stdout: "", stderr: "" };
	/** Characters of an over-long line not shown in the panel. */
	private overflow: Record<PanelLine["stream"], number> = { stdout: 0, stderr: 0 };
	private readonly sanitizers: Record<PanelLine["stream"], TerminalSanitizer>;

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
		this.total++;
		this.dirty = true;
	}

	/** A chunk of raw output: partial lines wait for their newline, but never grow past the line cap. */
	write(chunk: string, stream: PanelLine["stream"] = "stdout", alreadyClean = false): number {
		// Text already made file-safe (controls as caret text) needs only its tabs expanded for the panel.
		const clean = alreadyClean ? chunk.replace(/\t/g, "    ") : this.sanitizers[stream].push(chunk);
		let pending = this.partial[stream] + clean;
		let added = 0;
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
			added++;
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
			added++;
			this.overflow[stream] = pending.length - MAX_LINE;
			pending = "";
		}
		this.partial[stream] = pending;
		if (pending) this.dirty = true;
		return added;
	}

	/** One whole line. */
	line(text: string, stream: PanelLine["stream"] = "stdout"): void {
		this.write(`${text}\n`, stream);
	}

	/** Flushes a trailing partial line (at the end of a stream). */
	end(): void {
		for (const stream of ["stdout", "stderr"] as const) {
			const rest = this.partial[stream] + this.sanitizers[stream].flush();
			this.partial[stream] = "";
			if (rest) this.append(rest, stream);
		}
	}

	clear(): void {
		this.start = 0;
		this.size = 0;
		this.total = 0;
		this.partial = { stdout: "", stderr: "" };
		this.overflow = { stdout: 0, stderr: 0 };
		this.dirty = true;
	}

	/** The `count` lines ending `offset` lines above the newest (offset 0 = the live tail). */
	tail(count: number, offset = 0): PanelLine[] {
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
		return this.size;
	}
}
