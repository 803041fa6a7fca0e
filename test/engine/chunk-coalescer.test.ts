import { describe, expect, it } from "vitest";
import { ChunkCoalescer, type OutputBatch } from "../../src/engine/research/chunk-coalescer";

const textOf = (b: OutputBatch) =>
	b.kind === "plain" ? Buffer.concat(b.bytes).toString("latin1") : b.texts.join("");
const text = (batches: OutputBatch[]) => batches.map((b) => [b.stream, textOf(b)]);
const joined = (batches: OutputBatch[]) => batches.map(textOf).join("");

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

	it("hands over plain ASCII as its bytes with its line count, joined but never decoded", () => {
		const c = new ChunkCoalescer();
		c.push("stdout", Buffer.from("plain\tone\n"));
		c.push("stdout", Buffer.from("more\n"));
		const [ascii] = c.take();
		expect(ascii).toEqual({
			stream: "stdout",
			kind: "plain",
			bytes: [Buffer.from("plain\tone\n"), Buffer.from("more\n")],
			lines: [1, 1],
		});
		// Anything else in the batch (not ASCII, a control, a carriage return): text, to be sanitised.
		for (const odd of ["wörld\n", "bell\u0007\n", "crlf\r\n", "esc\u001b[2J\n", "del\u007f\n"]) {
			c.push("stdout", Buffer.from("plain\n"));
			c.push("stdout", Buffer.from(odd));
			const [batch] = c.take();
			expect(batch!.kind).toBe("text");
			expect(textOf(batch!)).toBe(`plain\n${odd}`);
		}
	});

	it("a plain batch right after a character cut in two is decoded, so the cut character is not lost", () => {
		const c = new ChunkCoalescer();
		c.push("stdout", Buffer.from("€", "utf8").subarray(0, 2));
		expect(joined(c.take())).toBe("");
		c.push("stdout", Buffer.from("plain\n"));
		const [batch] = c.take();
		expect(batch!.kind).toBe("text");
		expect(textOf(batch!)).toBe("\ufffdplain\n");
	});

	it("drops a byte-order mark only at the very start of a stream, even after plain text", () => {
		const plainFirst = new ChunkCoalescer();
		plainFirst.push("stdout", Buffer.from("plain\n"));
		expect(plainFirst.take()[0]!.kind).toBe("plain");
		plainFirst.push("stdout", Buffer.from("\ufeffmiddle\n"));
		expect(joined(plainFirst.take())).toBe("\ufeffmiddle\n");
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
