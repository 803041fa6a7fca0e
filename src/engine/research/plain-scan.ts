// Whether a piece of agent output is plain printable ASCII (tab, newline, space to tilde), and how many lines it ends.
// Such output needs no sanitising and no decoding: the transcript takes its bytes as they are and the panel decodes
// only the lines it can still show. A flood is almost all plain, so this one pass replaces a string per read, a
// sanitising scan and a newline walk. It runs as a few WebAssembly SIMD instructions per 16 bytes; a JavaScript loop
// with the same answer stands in where WebAssembly SIMD is not available.

/** The scan, per 16 bytes: count the newlines; remember any byte outside tab, newline and 0x20–0x7e. */
function scanModule(): Uint8Array<ArrayBuffer> {
	const splat = (byte: number) => [0xfd, 0x0c, ...new Array<number>(16).fill(byte)]; // v128.const
	const get = (i: number) => [0x20, i];
	const set = (i: number) => [0x21, i];
	const simd = (op: number) => [0xfd, op];
	const [EQ, LT_U, GT_U, ANDNOT, OR, ANY_TRUE, BITMASK] = [0x23, 0x26, 0x28, 0x4f, 0x50, 0x53, 0x64];
	// Locals: 0 length (param), 1 offset, 2 newlines, 3 bytes, 4 outside, 5 newline lanes.
	const body = [
		...[0x02, 0x02, 0x7f, 0x03, 0x7b], // two i32 locals, three v128 locals
		...[0x02, 0x40, 0x03, 0x40], // block, loop
		...get(1),
		...get(0),
		0x4f, // i32.ge_u
		...[0x0d, 0x01], // br_if out of the block
		...get(1),
		...[0xfd, 0x00, 0x00, 0x00], // v128.load
		...set(3),
		...get(3),
		...splat(0x0a),
		...simd(EQ),
		...[0x22, 0x05], // local.tee newline lanes
		...simd(BITMASK),
		0x69, // i32.popcnt
		...get(2),
		0x6a, // i32.add
		...set(2),
		...get(4),
		...get(3),
		...splat(0x20),
		...simd(LT_U),
		...get(5),
		...get(3),
		...splat(0x09),
		...simd(EQ),
		...simd(OR),
		...simd(ANDNOT), // below 0x20 and neither newline nor tab
		...simd(OR),
		...get(3),
		...splat(0x7e),
		...simd(GT_U), // DEL and everything not ASCII
		...simd(OR),
		...set(4),
		...get(1),
		...[0x41, 0x10], // i32.const 16
		0x6a,
		...set(1),
		...[0x0c, 0x00], // br to the loop
		...[0x0b, 0x0b], // end loop, end block
		...get(4),
		...simd(ANY_TRUE),
		...[0x04, 0x7f, 0x41, 0x7f, 0x05], // if (result i32) -1 else
		...get(2),
		...[0x0b, 0x0b], // end if, end function
	];
	const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
	const name = (s: string) => [s.length, ...Buffer.from(s, "ascii")];
	return Uint8Array.from([
		...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
		...section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]), // (i32) -> i32
		...section(3, [0x01, 0x00]),
		...section(5, [0x01, 0x00, 0x01]), // one memory, one page to start
		...section(7, [0x02, ...name("scan"), 0x00, 0x00, ...name("memory"), 0x02, 0x00]),
		...section(10, [0x01, ...leb(body.length), ...body]),
	]);
}

function leb(n: number): number[] {
	const out: number[] = [];
	do {
		let byte = n & 0x7f;
		n >>>= 7;
		if (n) byte |= 0x80;
		out.push(byte);
	} while (n);
	return out;
}

/** Plain means tab, newline and 0x20–0x7e only. */
function isPlainByte(b: number): boolean {
	return (b >= 0x20 && b <= 0x7e) || b === 0x0a || b === 0x09;
}

/** The same answer as the WebAssembly scan, one byte at a time. */
export function scanPlainJs(bytes: Uint8Array): number {
	let lines = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (b === 0x0a) lines++;
		else if (!isPlainByte(b)) return -1;
	}
	return lines;
}

interface Scanner {
	scan: (length: number) => number;
	memory: WebAssembly.Memory;
}

let scanner: Scanner | null | undefined;

function loadScanner(): Scanner | null {
	try {
		const module = scanModule();
		if (!WebAssembly.validate(module)) return null;
		const instance = new WebAssembly.Instance(new WebAssembly.Module(module));
		return instance.exports as unknown as Scanner;
	} catch {
		return null;
	}
}

/** Below this size the JavaScript loop is as quick as copying into WebAssembly memory. */
const SMALL = 256;

/** The WebAssembly memory holds at most this much at a time (longer input is scanned in slices). */
const SLICE = 1024 * 1024;

/**
 * The number of newlines in `bytes` when every byte is plain (tab, newline, 0x20–0x7e); -1 when any is not.
 * `forceJs` runs the JavaScript loop (for tests that compare both).
 */
export function scanPlain(bytes: Uint8Array, forceJs = false): number {
	if (forceJs || bytes.length < SMALL) return scanPlainJs(bytes);
	scanner ??= loadScanner();
	if (!scanner) return scanPlainJs(bytes);
	let lines = 0;
	for (let from = 0; from < bytes.length; from += SLICE) {
		const n = scanSlice(scanner, bytes.subarray(from, from + SLICE));
		if (n < 0) return -1;
		lines += n;
	}
	return lines;
}

function scanSlice({ scan, memory }: Scanner, bytes: Uint8Array): number {
	const padded = (bytes.length + 15) & ~15;
	if (memory.buffer.byteLength < padded) memory.grow(Math.ceil((padded - memory.buffer.byteLength) / 65536));
	const view = new Uint8Array(memory.buffer, 0, padded);
	view.set(bytes);
	// The lanes past the end hold spaces: plain, and not a newline.
	view.fill(0x20, bytes.length, padded);
	return scan(bytes.length);
}

/** Whether the WebAssembly scan is in use (false where WebAssembly SIMD is unavailable). */
export function usesWasmScan(): boolean {
	scanner ??= loadScanner();
	return scanner !== null;
}
