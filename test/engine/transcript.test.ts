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

describe("TranscriptSink.writeClean and writePlain", () => {
	it("writes plain bytes as they came, in order, between sanitised text", () => {
		const { s, file } = sink();
		s.writePlain([Buffer.from("one\ntw")], "stdout");
		s.writePlain([Buffer.from("o\nthree\n")], "stdout");
		s.writeClean(["héllo ", "wörld\n"], "stdout");
		s.writePlain([Buffer.from("four\n")], "stdout");
		s.close();
		expect(readFileSync(file, "utf8")).toBe("# header\n\none\ntwo\nthree\nhéllo wörld\nfour\n");
	});

	it("on stderr, marks each line, joined so a line split between reads is marked once", () => {
		const { s, file } = sink();
		s.writeClean(["warn", "ing\nsecond\n"], "stderr");
		s.writePlain([Buffer.from("plain\nerr\n")], "stderr");
		s.close();
		expect(readFileSync(file, "utf8")).toBe(
			"# header\n\n[stderr] warning\n[stderr] second\n[stderr] plain\n[stderr] err\n",
		);
	});

	it("stops at the cap with a note, whichever way the batch is written", () => {
		for (const how of ["plain", "clean"] as const) {
			const { s, file } = sink();
			const piece = Buffer.alloc(1024 * 1024, "x");
			for (let i = 0; i < 25; i++) {
				if (how === "plain") s.writePlain([piece], "stdout");
				else s.writeClean([piece.toString("latin1")], "stdout");
			}
			s.close();
			const text = readFileSync(file, "utf8");
			expect(text.length).toBeLessThanOrEqual(TRANSCRIPT_CAP + 100);
			expect(text.endsWith(`[output truncated after ${TRANSCRIPT_CAP / 1024 / 1024} MB]\n`)).toBe(true);
		}
	});
});

describe("TranscriptSink.closeAsync", () => {
	it("puts the whole file in place, as close does", async () => {
		const { s, file } = sink();
		s.writePlain([Buffer.from("all of it\n")], "stdout");
		expect(await s.closeAsync()).toBe(file);
		expect(readFileSync(file, "utf8")).toBe("# header\n\nall of it\n");
		expect(await s.closeAsync()).toBe(file);
	});
});
