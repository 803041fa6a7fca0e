import { describe, expect, it } from "vitest";
import { ChunkCoalescer, type OutputBatch } from "../../src/engine/research/chunk-coalescer";

const text = (batches: OutputBatch[]) => batches.map((b) => [b.stream, b.texts.join("")]);
const joined = (batches: OutputBatch[]) => batches.map((b) => b.texts.join("")).join("");

describe("ChunkCoalescer", () => {
	it("joins the reads of one stream in a row and keeps the order between streams", () => {
		const c = new ChunkCoalescer();
		c.push("stdout", Buffer.from("a\nb"));
		c.push("stdout", Buffer.from("c\n"));
		c.push("stderr", Buffer.from("warn\n"));
		c.push("stdout", Buffer.from("d\n"));
		expect(c.bytes).toBe(12);
		expect(text(c.take())).toEqual([
			["stdout", "a\nbc\n"],
			["stderr", "warn\n"],
			["stdout", "d\n"],
		]);
		expect(c.bytes).toBe(0);
		expect(c.take()).toEqual([]);
	});

	it("loses no byte and splits no character, whatever the reads look like", () => {
		const source = `${"plain ascii line\n".repeat(50)}héllo wörld ✓ 漢字 😀\n${"more\tascii\n".repeat(30)}end 😀`;
		const bytes = Buffer.from(source, "utf8");
		for (let seed = 1; seed <= 40; seed++) {
			const c = new ChunkCoalescer();
			let out = "";
			let at = 0;
			let rnd = seed;
			while (at < bytes.length) {
				rnd = (rnd * 1103515245 + 12345) % 2 ** 31;
				const n = 1 + (rnd % 9);
				c.push("stdout", bytes.subarray(at, at + n));
				at += n;
				// Taken now and then, so batches end inside characters too.
				if (rnd % 3 === 0) out += joined(c.take());
			}
			out += joined(c.take(true));
			expect(out).toBe(source);
		}
	});

	it("hands over the bytes of ASCII text, which are its exact UTF-8, without joining anything", () => {
		const c = new ChunkCoalescer();
		c.push("stdout", Buffer.from("first\n"));
		expect(c.take()[0]!.bytes).toBeUndefined(); // the first bytes of a stream always go through the decoder
		c.push("stdout", Buffer.from("plain\n"));
		c.push("stdout", Buffer.from("more\n"));
		const [ascii] = c.take();
		expect(ascii!.texts).toEqual(["plain\n", "more\n"]);
		expect(Buffer.concat(ascii!.bytes!).toString("utf8")).toBe("plain\nmore\n");
		// One piece that is not ASCII: the batch has no bytes to hand over.
		c.push("stdout", Buffer.from("plain\n"));
		c.push("stdout", Buffer.from("wörld\n"));
		c.push("stdout", Buffer.from("plain\n"));
		expect(c.take()[0]!.bytes).toBeUndefined();
	});

	it("drops a byte-order mark only at the very start of a stream, as the decoder always did", () => {
		const c = new ChunkCoalescer();
		c.push("stdout", Buffer.from("\ufeffstart\n"));
		c.push("stderr", Buffer.from("err\n"));
		c.push("stdout", Buffer.from("\ufeffmiddle\n"));
		expect(text(c.take())).toEqual([
			["stdout", "start\n"],
			["stderr", "err\n"],
			["stdout", "\ufeffmiddle\n"],
		]);
	});

	it("at the end, gives up a character cut off by the stream's end instead of holding it", () => {
		const c = new ChunkCoalescer();
		const euro = Buffer.from("€", "utf8");
		c.push("stdout", Buffer.from("ok "));
		c.push("stdout", euro.subarray(0, 2));
		expect(text(c.take())).toEqual([["stdout", "ok "]]);
		expect(text(c.take(true))).toEqual([["stdout", "\ufffd"]]);
		// After the end flush the stream is clean: plain text is plain again.
		c.push("stdout", Buffer.from("again\n"));
		expect(text(c.take())).toEqual([["stdout", "again\n"]]);
	});

	it("a character split across two streams' reads stays whole in its own stream", () => {
		const c = new ChunkCoalescer();
		const check = Buffer.from("✓", "utf8");
		c.push("stdout", Buffer.from("a"));
		c.push("stdout", check.subarray(0, 1));
		c.push("stderr", Buffer.from("e\n"));
		c.push("stdout", check.subarray(1));
		c.push("stdout", Buffer.from("\n"));
		expect(text(c.take(true))).toEqual([
			["stdout", "a"],
			["stderr", "e\n"],
			["stdout", "✓\n"],
		]);
	});
});
