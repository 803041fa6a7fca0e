// The transcript file of an agent's run: what the research screen's batches write into it.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TRANSCRIPT_CAP, TranscriptSink } from "../../src/engine/research/transcript";

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sink() {
	const root = mkdtempSync(path.join(tmpdir(), "genesis-transcript-"));
	dirs.push(root);
	const file = path.join(root, "research", "t.transcript.txt");
	return { s: new TranscriptSink(root, file, "# header\n\n"), file };
}

describe("TranscriptSink.writeClean", () => {
	it("writes a batch's bytes as they came, in order, when they are the text's UTF-8", () => {
		const { s, file } = sink();
		const pieces = ["one\ntw", "o\n", "three\n"];
		s.writeClean(
			pieces,
			"stdout",
			pieces.map((p) => Buffer.from(p)),
		);
		s.writeClean(["four\n"], "stdout", [Buffer.from("four\n")]);
		s.close();
		expect(readFileSync(file, "utf8")).toBe("# header\n\none\ntwo\nthree\nfour\n");
	});

	it("without bytes, or on stderr, writes the text (stderr lines marked), joined so a line split between reads is marked once", () => {
		const { s, file } = sink();
		s.writeClean(["héllo ", "wörld\n"], "stdout");
		s.writeClean(["warn", "ing\nsecond\n"], "stderr", [Buffer.from("warn"), Buffer.from("ing\nsecond\n")]);
		s.close();
		expect(readFileSync(file, "utf8")).toBe("# header\n\nhéllo wörld\n[stderr] warning\n[stderr] second\n");
	});

	it("stops at the cap with a note, whichever way the batch is written", () => {
		const { s, file } = sink();
		const piece = Buffer.alloc(1024 * 1024, "x");
		for (let i = 0; i < 25; i++) s.writeClean([piece.toString("latin1")], "stdout", [piece]);
		s.close();
		const text = readFileSync(file, "utf8");
		expect(text.length).toBeLessThanOrEqual(TRANSCRIPT_CAP + 100);
		expect(text.endsWith(`[output truncated after ${TRANSCRIPT_CAP / 1024 / 1024} MB]\n`)).toBe(true);
	});
});

describe("TranscriptSink.closeAsync", () => {
	it("puts the whole file in place, as close does", async () => {
		const { s, file } = sink();
		s.writeClean(["all of it\n"], "stdout", [Buffer.from("all of it\n")]);
		expect(await s.closeAsync()).toBe(file);
		expect(readFileSync(file, "utf8")).toBe("# header\n\nall of it\n");
		expect(await s.closeAsync()).toBe(file);
	});
});
