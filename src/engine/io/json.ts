// A JSON parser that reports line and column of the first error itself (never quoting raw input) and bounds nesting depth.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonParseResult =
	| { ok: true; value: JsonValue }
	| { ok: false; line: number; column: number; offset: number; reason: string };

class JsonSyntaxError extends Error {
	constructor(
		readonly offset: number,
		readonly reason: string,
	) {
		super(reason);
	}
}

export interface JsonParseOptions {
	maxDepth?: number;
}

function describe(ch: string | undefined): string {
	if (ch === undefined) return "end of file";
	const code = ch.charCodeAt(0);
	if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f))
		return `control character U+${code.toString(16).padStart(4, "0").toUpperCase()}`;
	return `'${ch}'`;
}

export function parseJson(text: string, options: JsonParseOptions = {}): JsonParseResult {
	const maxDepth = options.maxDepth ?? 64;
	let i = 0;
	const n = text.length;

	const fail = (reason: string, at = i): never => {
		throw new JsonSyntaxError(at, reason);
	};
	const ws = () => {
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
			else break;
		}
	};
	const parseString = (): string => {
		// text[i] === '"'
		i++;
		let out = "";
		let start = i;
		while (true) {
			if (i >= n) fail("unterminated string");
			const c = text.charCodeAt(i);
			if (c === 0x22) {
				out += text.slice(start, i);
				i++;
				return out;
			}
			if (c === 0x5c) {
				out += text.slice(start, i);
				const e = text[i + 1];
				switch (e) {
					case '"':
						out += '"';
						break;
					case "\\":
						out += "\\";
						break;
					case "/":
						out += "/";
						break;
					case "b":
						out += "\b";
						break;
					case "f":
						out += "\f";
						break;
					case "n":
						out += "\n";
						break;
					case "r":
						out += "\r";
						break;
					case "t":
						out += "\t";
						break;
					case "u": {
						const hex = text.slice(i + 2, i + 6);
						if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("invalid \\u escape in string", i);
						out += String.fromCharCode(Number.parseInt(hex, 16));
						i += 4;
						break;
					}
					default:
						fail(`invalid escape ${describe(e)} in string`, i);
				}
				i += 2;
				start = i;
				continue;
			}
			if (c < 0x20) fail(`${describe(text[i])} inside a string (escape it)`);
			i++;
		}
	};
	const parseNumber = (): number => {
		const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!m) fail(`unexpected ${describe(text[i])}`);
		i += m![0].length;
		return Number(m![0]);
	};
	const parseValue = (depth: number): JsonValue => {
		if (depth > maxDepth) fail(`nesting deeper than ${maxDepth} levels`);
		ws();
		const ch = text[i];
		if (ch === "{") {
			i++;
			const obj: { [key: string]: JsonValue } = {};
			ws();
			if (text[i] === "}") {
				i++;
				return obj;
			}
			while (true) {
				ws();
				if (text[i] !== '"')
					fail(
						text[i] === "}"
							? "trailing comma before '}'"
							: `expected a property name in double quotes, found ${describe(text[i])}`,
					);
				const key = parseString();
				ws();
				if (text[i] !== ":") fail(`expected ':' after property name, found ${describe(text[i])}`);
				i++;
				const value = parseValue(depth + 1);
				// Never let a key reach the prototype chain.
				Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
				ws();
				if (text[i] === ",") {
					i++;
					continue;
				}
				if (text[i] === "}") {
					i++;
					return obj;
				}
				fail(`expected ',' or '}' after a property value, found ${describe(text[i])}`);
			}
		}
		if (ch === "[") {
			i++;
			const arr: JsonValue[] = [];
			ws();
			if (text[i] === "]") {
				i++;
				return arr;
			}
			while (true) {
				ws();
				if (text[i] === "]") fail("trailing comma before ']'");
				arr.push(parseValue(depth + 1));
				ws();
				if (text[i] === ",") {
					i++;
					continue;
				}
				if (text[i] === "]") {
					i++;
					return arr;
				}
				fail(`expected ',' or ']' after an array item, found ${describe(text[i])}`);
			}
		}
		if (ch === '"') return parseString();
		if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return parseNumber();
		if (text.startsWith("true", i)) {
			i += 4;
			return true;
		}
		if (text.startsWith("false", i)) {
			i += 5;
			return false;
		}
		if (text.startsWith("null", i)) {
			i += 4;
			return null;
		}
		return fail(ch === undefined ? "unexpected end of file" : `unexpected ${describe(ch)}`);
	};

	try {
		if (text.trim() === "") fail("the file is empty", 0);
		const value = parseValue(1);
		ws();
		if (i < n) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
		return { ok: true, value };
	} catch (error) {
		if (!(error instanceof JsonSyntaxError)) throw error;
		const { line, column } = lineColumn(text, error.offset);
		return { ok: false, line, column, offset: error.offset, reason: error.reason };
	}
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lastBreak = -1;
	const end = Math.min(offset, text.length);
	for (let k = 0; k < end; k++) {
		if (text.charCodeAt(k) === 0x0a) {
			line++;
			lastBreak = k;
		}
	}
	return { line, column: end - lastBreak };
}
