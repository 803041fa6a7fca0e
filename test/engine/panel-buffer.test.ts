import { describe, expect, it } from "vitest";
import { MAX_LINE, PanelBuffer } from "../../src/engine/research/panel-buffer";

describe("PanelBuffer", () => {
	it("splits chunks into lines, holding a partial line until its newline", () => {
		const p = new PanelBuffer(10);
		p.write("one\ntw");
		expect(p.tail(5).map((l) => l.text)).toEqual(["one", "tw"]);
		p.write("o\nthree\n");
		expect(p.tail(5).map((l) => l.text)).toEqual(["one", "two", "three"]);
		expect(p.total).toBe(3);
	});

	it("keeps only the last `capacity` lines, and scrolls back within them", () => {
		const p = new PanelBuffer(100);
		for (let i = 0; i < 1000; i++) p.line(`line ${i}`);
		expect(p.total).toBe(1000);
		expect(p.retained).toBe(100);
		expect(p.tail(2).map((l) => l.text)).toEqual(["line 998", "line 999"]);
		expect(p.tail(2, 10).map((l) => l.text)).toEqual(["line 988", "line 989"]);
		expect(p.tail(2, 10_000).map((l) => l.text)).toEqual(["line 900", "line 901"]);
	});

	it("shows the first 8 KiB of an over-long line and skips its rest until the newline", () => {
		const p = new PanelBuffer(100);
		for (let i = 0; i < 20; i++) p.write("x".repeat(1024 * 1024));
		p.write(" end\nnext line\n");
		const lines = p.tail(10).map((l) => l.text);
		expect(lines).toHaveLength(2);
		expect(lines[0]!.length).toBe(MAX_LINE + "… [line continues]".length);
		expect(lines[1]).toBe("next line");
	});

	it("sanitises per stream and marks stderr", () => {
		const p = new PanelBuffer(10);
		p.write("a\u001b]0;T\u0007b\n");
		p.write("warn\n", "stderr");
		expect(p.tail(2)).toEqual([
			{ text: "a^[]0;T^Gb", stream: "stdout" },
			{ text: "warn", stream: "stderr" },
		]);
	});
});

describe("PanelBuffer, written faster than it is read", () => {
	it("a flood between two reads counts every line and keeps the last `capacity`, in order", () => {
		const p = new PanelBuffer(50);
		let text = "";
		for (let i = 0; i < 10_000; i++) text += `line ${i}\n`;
		p.write(text.slice(0, 33_333), "stdout", true);
		p.write(text.slice(33_333), "stdout", true);
		expect(p.total).toBe(10_000);
		expect(p.retained).toBe(50);
		expect(p.tail(3).map((l) => l.text)).toEqual(["line 9997", "line 9998", "line 9999"]);
		expect(p.tail(1, 49).map((l) => l.text)).toEqual(["line 9950"]);
	});

	it("gives the same lines and count however the output is cut and whenever it is read", () => {
		const streams = ["stdout", "stderr"] as const;
		let rnd = 7;
		const next = (n: number) => {
			rnd = (rnd * 1103515245 + 12345) % 2 ** 31;
			return rnd % n;
		};
		for (let round = 0; round < 8; round++) {
			const reference = new PanelBuffer(30);
			const batched = new PanelBuffer(30);
			for (let i = 0; i < 150; i++) {
				const stream = streams[next(5) === 0 ? 1 : 0]!;
				// Whole lines of one stream, cut anywhere for the batched panel.
				// Now and then an over-long line, shown cut.
				const lines = Array.from({ length: 1 + next(120) }, (_, j) =>
					next(150) === 0
						? `long ${i}.${j} ${"z".repeat(MAX_LINE + 100 + next(3000))}`
						: `r${round} ${stream} ${i}.${j}`,
				);
				const chunk = `${lines.join("\n")}\n`;
				for (const line of lines) reference.line(line, stream);
				let at = 0;
				while (at < chunk.length) {
					const n = 1 + next(next(10) === 0 ? 5000 : 400);
					batched.write(chunk.slice(at, at + n), stream, true);
					at += n;
					// Read in the middle of a line too, as a frame may.
					if (next(40) === 0) batched.tail(5);
				}
				if (next(4) === 0) expect(batched.total).toBe(reference.total);
			}
			expect(batched.total).toBe(reference.total);
			expect(batched.tail(30)).toEqual(reference.tail(30));
			expect(batched.tail(10, 15)).toEqual(reference.tail(10, 15));
		}
	});

	it("shows a partial line written since the last read, and the rest of it once it ends", () => {
		const p = new PanelBuffer(10);
		p.write("done\nhalf a li", "stdout", true);
		expect(p.tail(5).map((l) => l.text)).toEqual(["done", "half a li"]);
		p.write("ne\n", "stdout", true);
		expect(p.tail(5).map((l) => l.text)).toEqual(["done", "half a line"]);
		p.write("no newline at the end", "stdout", true);
		p.end();
		expect(p.tail(5).map((l) => l.text)).toEqual(["done", "half a line", "no newline at the end"]);
		expect(p.total).toBe(3);
	});

	it("keeps at most about a megabyte unsplit when nobody reads it", () => {
		const p = new PanelBuffer(10);
		for (let i = 0; i < 64; i++) p.write(`${"y".repeat(64 * 1024 - 1)}\n`, "stdout", true);
		expect((p as unknown as { gatheredChars: number }).gatheredChars).toBeLessThanOrEqual(1024 * 1024);
		expect(p.total).toBe(64);
	});

	it("expands tabs in text that is already clean", () => {
		const p = new PanelBuffer(10);
		p.write("a\tb\n", "stdout", true);
		expect(p.tail(1)[0]!.text).toBe("a    b");
	});

	it("plain bytes with their line count show and count exactly as the same text written as text", () => {
		let seed = 11;
		const rnd = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		const plainLine = () =>
			rnd(50) === 0 ? "y".repeat(MAX_LINE + rnd(20_000)) : `${"word\t".repeat(rnd(6))}line ${rnd(1000)}`;
		for (let round = 0; round < 30; round++) {
			const viaText = new PanelBuffer(50);
			const viaPlain = new PanelBuffer(50);
			for (let w = 0, writes = 1 + rnd(40); w < writes; w++) {
				const stream = rnd(6) === 0 ? "stderr" : "stdout";
				if (rnd(5) === 0) {
					// Some text that is not plain in between (it goes the sanitising way in both).
					viaText.write("héllo\n", stream, true);
					viaPlain.write("héllo\n", stream, true);
					continue;
				}
				let chunk = Array.from({ length: rnd(300) }, plainLine).join("\n");
				if (rnd(2)) chunk += "\n";
				const bytes = Buffer.from(chunk, "latin1");
				viaText.write(chunk.replace(/\t/g, "    "), stream, true);
				viaPlain.writePlain(bytes, [...chunk].filter((c) => c === "\n").length, stream);
				if (rnd(4) === 0) expect(viaPlain.tail(20)).toEqual(viaText.tail(20));
			}
			viaText.end();
			viaPlain.end();
			expect(viaPlain.total).toBe(viaText.total);
			expect(viaPlain.retained).toBe(viaText.retained);
			expect(viaPlain.tail(50)).toEqual(viaText.tail(50));
			expect(viaPlain.tail(10, 30)).toEqual(viaText.tail(10, 30));
		}
	});
});
