// The plain-ASCII scan that lets a flood skip sanitising and decoding: its WebAssembly and JavaScript forms agree.
import { describe, expect, it } from "vitest";
import { scanPlain, scanPlainJs, usesWasmScan } from "../../src/engine/research/plain-scan";

describe("scanPlain", () => {
	it("uses WebAssembly SIMD on this Node", () => {
		expect(usesWasmScan()).toBe(true);
	});

	it("counts newlines in tab, newline and 0x20–0x7e, and answers -1 for any other byte", () => {
		expect(scanPlainJs(Buffer.from("a\tb\nc\n"))).toBe(2);
		for (const odd of [0x00, 0x07, 0x0d, 0x1b, 0x7f, 0x80, 0xc3, 0xff]) {
			const bytes = Buffer.alloc(1000, "x");
			bytes[999] = odd; // in the last, partly filled lanes too
			expect(scanPlain(bytes)).toBe(-1);
			expect(scanPlainJs(bytes)).toBe(-1);
		}
	});

	it("gives the JavaScript loop's answer for every length and byte mix, across slices of memory", () => {
		let seed = 3;
		const rnd = () => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed / 2 ** 31;
		};
		for (let t = 0; t < 1500; t++) {
			const n = t < 40 ? t * 7 : Math.floor(rnd() * 5000);
			const bytes = Buffer.alloc(n);
			for (let i = 0; i < n; i++) {
				const r = rnd();
				bytes[i] =
					r < 0.05 ? 10 : r < 0.06 ? 9 : r < 0.0605 ? Math.floor(rnd() * 256) : 32 + Math.floor(rnd() * 95);
			}
			expect(scanPlain(bytes)).toBe(scanPlainJs(bytes));
		}
		// Longer than the WebAssembly memory takes at once.
		const big = Buffer.alloc(3 * 1024 * 1024 + 5, "line\n");
		expect(scanPlain(big)).toBe(scanPlainJs(big));
		big[big.length - 2] = 0x1b;
		expect(scanPlain(big)).toBe(-1);
	});
});
