import { describe, expect, it } from "vitest";
import { parseJson } from "../../src/engine/io/json";

describe("parseJson", () => {
	it("parses what JSON.parse parses", () => {
		const text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\n\\u00e9"}}';
		const r = parseJson(text);
		expect(r).toEqual({ ok: true, value: JSON.parse(text) });
	});

	it("reports line and column of a trailing comma", () => {
		const r = parseJson('{\n  "a": 1,\n}');
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect([r.line, r.column]).toEqual([3, 1]);
			expect(r.reason).toMatch(/trailing comma/);
		}
	});

	it("reports truncated input", () => {
		const r = parseJson('{"steps": [');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/end of file/);
	});

	it("calls an empty file empty", () => {
		const r = parseJson("   ");
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toBe("the file is empty");
	});

	it("never quotes raw input bytes in its reason", () => {
		const r = parseJson('{"a": \u001b]0;PWNED\u0007 }');
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.reason).not.toContain("\u001b");
			expect(r.reason).toMatch(/control character U\+001B/);
		}
	});

	it("bounds nesting depth without a stack overflow", () => {
		const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
		const r = parseJson(deep);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/nesting deeper than 64/);
	});

	it("does not let __proto__ keys reach the prototype", () => {
		const r = parseJson('{"__proto__": {"polluted": true}, "a": 1}');
		expect(r.ok).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		if (r.ok) expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
	});
});
