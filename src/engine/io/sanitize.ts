// Terminal-safe and file-safe text: an allow-list that keeps SGR colour only and shows every other control visibly.

export interface SanitizeOptions {
	/** Keep SGR colour sequences (ESC [ … m). When false they are dropped. */
	keepSgr?: boolean;
	/** Columns a tab expands to. */
	tabWidth?: number;
}

const ESC = 0x1b;
const BIDI = new Set([
	0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
]);
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const SGR_BODY = /^\[[0-9;:]{0,32}m/;
/** Everything the sanitizer must look at: controls, CR, tab, surrogates, bidi and invisible characters. */
const SPECIAL =
	/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]/g;

function hex4(code: number): string {
	return code.toString(16).toUpperCase().padStart(4, "0");
}

/** Caret notation for C0 and DEL (ESC → ^[, BEL → ^G, DEL → ^?); C1 as <U+0080>. */
export function caret(code: number): string {
	if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
	if (code === 0x7f) return "^?";
	return `<U+${hex4(code)}>`;
}

function isControl(code: number): boolean {
	return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * Streaming sanitizer: push chunks, get safe text back. A trailing partial sequence
 * (ESC, ESC[…, CR) is held until the next chunk so sequences split across chunks are judged whole.
 */
export class TerminalSanitizer {
	private pending = "";
	private column = 0;
	private readonly keepSgr: boolean;
	private readonly tabWidth: number;

	constructor(options: SanitizeOptions = {}) {
		this.keepSgr = options.keepSgr ?? false;
		this.tabWidth = options.tabWidth ?? 4;
	}

	push(chunk: string): string {
		const text = this.pending + chunk;
		this.pending = "";
		return this.run(text, false);
	}

	flush(): string {
		const text = this.pending;
		this.pending = "";
		return this.run(text, true);
	}

	private run(text: string, final: boolean): string {
		let out = "";
		let i = 0;
		const n = text.length;
		while (i < n) {
			// Copy a run of ordinary characters in one slice (most output has no controls at all).
			SPECIAL.lastIndex = i;
			const m = SPECIAL.exec(text);
			const next = m ? m.index : n;
			if (next > i) {
				const run = text.slice(i, next);
				out += run;
				const nl = run.lastIndexOf("\n");
				this.column = nl === -1 ? this.column + run.length : run.length - nl - 1;
				i = next;
				if (i >= n) break;
			}
			const code = text.charCodeAt(i);
			if (code === ESC) {
				const rest = text.slice(i + 1, i + 36);
				const sgr = SGR_BODY.exec(rest);
				if (sgr) {
					if (this.keepSgr) out += `\u001b${sgr[0]}`;
					i += 1 + sgr[0].length;
					continue;
				}
				// Could still become SGR with more input: hold it.
				if (!final && i + 36 > n && /^(\[[0-9;:]{0,32})?$/.test(rest)) {
					this.pending = text.slice(i);
					return out;
				}
				out += "^[";
				this.column += 2;
				i += 1;
				continue;
			}
			if (code === 0x0d) {
				if (i + 1 === n && !final) {
					this.pending = "\r";
					return out;
				}
				if (text.charCodeAt(i + 1) === 0x0a) i += 1;
				out += "\n";
				this.column = 0;
				i += 1;
				continue;
			}
			if (code === 0x0a) {
				out += "\n";
				this.column = 0;
				i += 1;
				continue;
			}
			if (code === 0x09) {
				const spaces = this.tabWidth - (this.column % this.tabWidth);
				out += " ".repeat(spaces);
				this.column += spaces;
				i += 1;
				continue;
			}
			if (isControl(code)) {
				const shown = caret(code);
				out += shown;
				this.column += shown.length;
				i += 1;
				continue;
			}
			if (code >= 0xd800 && code <= 0xdbff) {
				const next = text.charCodeAt(i + 1);
				if (i + 1 === n && !final) {
					this.pending = text.slice(i);
					return out;
				}
				if (next >= 0xdc00 && next <= 0xdfff) {
					out += text.slice(i, i + 2);
					this.column += 1;
					i += 2;
					continue;
				}
				out += "\uFFFD";
				this.column += 1;
				i += 1;
				continue;
			}
			if (code >= 0xdc00 && code <= 0xdfff) {
				out += "\uFFFD";
				this.column += 1;
				i += 1;
				continue;
			}
			if (BIDI.has(code) || INVISIBLE.has(code)) {
				const shown = `<U+${hex4(code)}>`;
				out += shown;
				this.column += shown.length;
				i += 1;
				continue;
			}
			out += text[i];
			this.column += 1;
			i += 1;
		}
		return out;
	}
}

/** One-shot terminal sanitizing of a whole string. */
export function sanitizeForTerminal(text: string, options: SanitizeOptions = {}): string {
	const s = new TerminalSanitizer(options);
	return s.push(text) + s.flush();
}

/** One line for a label or a path: newlines shown as ⏎ so nothing can push the layout around. */
export function sanitizeInline(text: string, maxLength = 200): string {
	const clean = sanitizeForTerminal(text).replace(/\n/g, "⏎");
	return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

/**
 * Text bound for a written file: escape sequences and controls become visible caret text,
 * tabs and newlines stay, bidi and invisible characters are shown as <U+…>.
 */
export function sanitizeForFile(text: string): string {
	// Most agent output has no carriage return and nothing to replace: two quick scans then, no rewriting.
	const lines = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
	if (!FILE_SPECIAL_ANY.test(lines)) return lines;
	return lines.replace(FILE_SPECIAL, (ch) => {
		const code = ch.charCodeAt(0);
		if (code >= 0xd800 && code <= 0xdfff) return ch.length === 2 ? ch : "\uFFFD";
		if (isControl(code)) return caret(code);
		return `<U+${hex4(code)}>`;
	});
}

/** For files: controls except tab and newline, bidi and invisible characters, and lone surrogates (pairs pass). */
const FILE_SPECIAL =
	/[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]/g;
/** Whether FILE_SPECIAL could match at all (a surrogate, paired or not, counts: pairs go through its replacer). */
const FILE_SPECIAL_ANY =
	/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]/;

/**
 * One line of free text typed by someone (an answer): file-safe, whitespace runs (newlines too) made one space, cut
 * at `max` characters with an ellipsis. Idempotent, so text saved after it passes through it unchanged.
 */
export function sanitizeOneLine(text: string, max: number): string {
	const line = sanitizeForFile(text).replace(/\s+/g, " ").trim();
	return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** True when the text holds nothing a terminal would interpret (what the tests assert on). */
export function isTerminalSafe(text: string, allowSgr = false): boolean {
	const withoutSgr = allowSgr ? text.replace(/\u001b\[[0-9;:]{0,32}m/g, "") : text;
	for (const ch of withoutSgr) {
		const code = ch.codePointAt(0)!;
		if (code === 0x0a) continue;
		if (isControl(code) || BIDI.has(code)) return false;
	}
	return true;
}
