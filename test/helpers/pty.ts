// Drives the built binary in a real pseudo-terminal and reads the screen through a headless xterm.

import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";
import { BIN } from "./cli";

const { Terminal } = xterm;

export interface PtySession {
	screen: () => string[];
	text: () => string;
	type: (data: string) => void;
	waitFor: (pattern: string | RegExp, timeout?: number) => Promise<string>;
	exit: Promise<{ exitCode: number; signal?: number }>;
	cursorHidden: () => boolean;
	titles: string[];
	osc52: string[];
	raw: () => string;
	kill: (signal?: string) => void;
	resize: (cols: number, rows: number) => void;
	pid: number;
}

/** The test runner's colour settings must not leak into the child: each test states its own. */
function childEnv(extra: NodeJS.ProcessEnv = {}): Record<string, string> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		CI: "false",
		TERM: "xterm-256color",
		SOURCE_DATE_EPOCH: "1767225600",
	};
	delete env.FORCE_COLOR;
	delete env.NO_COLOR;
	return { ...env, ...extra } as Record<string, string>;
}

export function startPty(
	args: string[],
	options: { cwd: string; cols: number; rows: number; env?: NodeJS.ProcessEnv },
): PtySession {
	const term = new Terminal({
		cols: options.cols,
		rows: options.rows,
		allowProposedApi: true,
		scrollback: 1000,
	});
	const titles: string[] = [];
	const osc52: string[] = [];
	term.onTitleChange((t) => titles.push(t));
	term.parser.registerOscHandler(52, (data) => {
		osc52.push(data);
		return true;
	});
	let raw = "";
	const env = childEnv(options.env);
	const child = pty.spawn(process.execPath, [BIN, ...args], {
		// node-pty sets TERM to this name: a test's own TERM (dumb, say) must survive.
		name: env.TERM,
		cols: options.cols,
		rows: options.rows,
		cwd: options.cwd,
		env,
	});
	child.onData((d) => {
		raw += d;
		term.write(d);
	});
	const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => {
		child.onExit((e) => {
			// Let xterm process the last bytes.
			setTimeout(() => resolve(e), 50);
		});
	});
	const screen = () => {
		const buf = term.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < term.rows; i++)
			lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? "");
		return lines;
	};
	const text = () => screen().join("\n");
	const waitFor = async (pattern: string | RegExp, timeout = 10_000) => {
		const start = Date.now();
		while (Date.now() - start < timeout) {
			await new Promise<void>((r) => term.write("", r));
			const t = text();
			if (typeof pattern === "string" ? t.includes(pattern) : pattern.test(t)) return t;
			await new Promise((r) => setTimeout(r, 25));
		}
		throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${text()}`);
	};
	return {
		screen,
		text,
		type: (data) => child.write(data),
		waitFor,
		exit,
		cursorHidden: () =>
			(term as unknown as { _core: { coreService: { isCursorHidden: boolean } } })._core.coreService
				.isCursorHidden,
		titles,
		osc52,
		raw: () => raw,
		kill: (signal = "SIGTERM") => child.kill(signal),
		resize: (cols, rows) => {
			term.resize(cols, rows);
			child.resize(cols, rows);
		},
		pid: child.pid,
	};
}

export const PKEY = {
	enter: "\r",
	tab: "\t",
	down: "\u001b[B",
	up: "\u001b[A",
	escape: "\u001b",
	ctrlC: "\u0003",
} as const;

/** Types keys one by one with a pause, as a person would. */
export async function typeKeys(s: PtySession, keys: string[], pause = 60): Promise<void> {
	for (const k of keys) {
		s.type(k);
		await new Promise((r) => setTimeout(r, pause));
	}
}

/** Accepts every default (Enter) and skips every question (Tab) until the review screen shows. */
export async function walkToReview(s: PtySession, pause = 80): Promise<string> {
	for (let i = 0; i < 40; i++) {
		const before = s.text();
		if (before.includes("Check: rubric")) break;
		await typeKeys(s, [/Question \d+ of/.test(before) ? PKEY.tab : PKEY.enter], pause);
		// One key per screen: a second Enter on the review would open its write confirmation.
		for (let t = 0; t < 40 && s.text() === before; t++) await new Promise((r) => setTimeout(r, 50));
	}
	return s.waitFor("Check: rubric");
}

/** The binary with `args`, past pre-flight (Enter pressed), once `until` is on screen. */
export async function startResearch(
	args: string[],
	options: { cwd: string; until: string | RegExp; env?: NodeJS.ProcessEnv; cols?: number; rows?: number },
): Promise<PtySession> {
	const s = startPty(args, {
		cwd: options.cwd,
		cols: options.cols ?? 160,
		rows: options.rows ?? 40,
		env: options.env,
	});
	await s.waitFor("Enter start research");
	s.type(PKEY.enter);
	await s.waitFor(options.until, 20_000);
	return s;
}
