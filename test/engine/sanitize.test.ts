import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	isTerminalSafe,
	sanitizeForFile,
	sanitizeForTerminal,
	sanitizeInline,
	TerminalSanitizer,
} from "../../src/engine/io/sanitize";

const HOSTILE = [
	"\u001b]0;PWNED-TITLE\u0007",
	"\u001b]52;c;cHduZWQ=\u0007",
	"\u001b]8;;https://evil\u001b\\link\u001b]8;;\u001b\\",
	"\u001b]11;?\u0007",
	"\u001b[2J\u001b[H",
	"\u001b[?1049h",
	"\u001b[?25l",
	'\u001bP$q"p\u001b\\',
	"\u009b2J",
	"\u009d0;title\u0007",
	"abc\rXYZ",
	"abc\bX",
	"bell\u0007",
	"nul\u0000",
	"report\u202edm.exe",
	"zero\u200bwidth",
];

describe("sanitizeForTerminal", () => {
	it.each(HOSTILE)("neutralises %j", (input) => {
		const out = sanitizeForTerminal(input);
		expect(isTerminalSafe(out)).toBe(true);
	});

	it("shows escape sequences visibly in caret notation instead of dropping them", () => {
		expect(sanitizeForTerminal("a\u001b]0;T\u0007b")).toBe("a^[]0;T^Gb");
		expect(sanitizeForTerminal("x\u009by")).toBe("x<U+009B>y");
		expect(sanitizeForTerminal("r\u202eev")).toBe("r<U+202E>ev");
	});

	it("keeps SGR colour only when asked", () => {
		expect(sanitizeForTerminal("\u001b[31mred\u001b[0m", { keepSgr: true })).toBe("\u001b[31mred\u001b[0m");
		expect(sanitizeForTerminal("\u001b[31mred\u001b[0m")).toBe("red");
		// A cursor move is not SGR, even with keepSgr.
		expect(sanitizeForTerminal("\u001b[2Aup", { keepSgr: true })).toBe("^[[2Aup");
	});

	it("turns a lone carriage return into a newline so nothing is overwritten", () => {
		expect(sanitizeForTerminal("safe\rEVIL")).toBe("safe\nEVIL");
		expect(sanitizeForTerminal("a\r\nb")).toBe("a\nb");
	});

	it("expands tabs to the next tab stop", () => {
		expect(sanitizeForTerminal("ab\tc")).toBe("ab  c");
	});

	it("replaces lone surrogates", () => {
		expect(sanitizeForTerminal("a\ud800b")).toBe("a\uFFFDb");
		expect(sanitizeForTerminal("😀")).toBe("😀");
	});
});

describe("TerminalSanitizer (streaming)", () => {
	it("judges a sequence split across chunks as a whole", () => {
		const s = new TerminalSanitizer({ keepSgr: true });
		const out = s.push("a\u001b") + s.push("[3") + s.push("1mred") + s.flush();
		expect(out).toBe("a\u001b[31mred");
		const t = new TerminalSanitizer();
		expect(t.push("x\u001b") + t.push("]0;title\u0007") + t.flush()).toBe("x^[]0;title^G");
	});

	it("joins CR LF split across chunks into one newline", () => {
		const s = new TerminalSanitizer();
		expect(s.push("a\r") + s.push("\nb") + s.flush()).toBe("a\nb");
	});

	it("matches the one-shot result for every split point", () => {
		const input = "ok \u001b[1mbold\u001b[0m \u001b]0;t\u0007 end\r\nnext\ttab \u202e";
		const whole = sanitizeForTerminal(input, { keepSgr: true });
		for (let i = 0; i <= input.length; i++) {
			const s = new TerminalSanitizer({ keepSgr: true });
			expect(s.push(input.slice(0, i)) + s.push(input.slice(i)) + s.flush()).toBe(whole);
		}
	});
});

describe("sanitizeForFile and sanitizeInline", () => {
	it("keeps newlines and tabs in files but no controls", () => {
		const out = sanitizeForFile("a\tb\nc\u001b[2Jd\u0007");
		expect(out).toBe("a\tb\nc^[[2Jd^G");
	});

	it("turns CR and CRLF into LF, keeps emoji, marks lone surrogates, bidi and invisible characters", () => {
		expect(sanitizeForFile("a\r\nb\rc")).toBe("a\nb\nc");
		expect(sanitizeForFile("ok 😀 \ud800 x\u202ey\u200bz")).toBe("ok 😀 \ufffd x<U+202E>y<U+200B>z");
		expect(sanitizeForFile("plain text\nonly")).toBe("plain text\nonly");
	});

	it("whatever the text, a file gets nothing a terminal would act on, and plain text is left as it is", () => {
		const unit = fc.oneof(
			fc.constantFrom("a", " ", "\n", "\t", "\r", "\r\n", "\u001b", "\u0007", "\u009b", "\u202e", "😀"),
			fc.constantFrom("\ud800", "\udc00", "\ufeff", "é", "部"),
			fc.string({ unit: "binary", maxLength: 3 }),
		);
		fc.assert(
			fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
				const text = parts.join("");
				const out = sanitizeForFile(text);
				// Tab and newline stay (it is a file); no other control, no bidi override, no lone surrogate.
				expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
				expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
				if (/^[\n\t\u0020-\u007e]*$/.test(text)) expect(out).toBe(text);
			}),
			{ numRuns: 2000 },
		);
	});

	it("keeps a label on one line", () => {
		expect(sanitizeInline("two\nlines")).toBe("two⏎lines");
		expect(sanitizeInline("x".repeat(300), 10)).toHaveLength(10);
	});
});
