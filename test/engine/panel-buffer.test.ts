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
