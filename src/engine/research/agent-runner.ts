// Runs an agent CLI for one research task: no shell, prompt on stdin (or as its {prompt} argument), its own process group,
// raw output streamed as events, timeout and cancel kill the whole group, findings parsed from the end of the output.

import { execa } from "execa";
import { TIMER_LIMIT_MS } from "../decisions/duration";
import { addAgentGroup, removeAgentGroup } from "./agent-groups";
import type { AgentSpec } from "./agent-spec";
import { findExecutable } from "./agent-spec";
import { ChunkCoalescer } from "./chunk-coalescer";
import { parseAgentFindings } from "./findings";
import type { ResearchEvent, TaskId } from "./types";

export interface AgentRunOptions {
	spec: AgentSpec;
	prompt: string;
	cwd: string;
	timeoutMs: number;
	signal: AbortSignal;
	env?: NodeJS.ProcessEnv;
	/** Time between SIGTERM and SIGKILL to the group. */
	graceMs?: number;
}

/** The last part of the output, where the findings block is. */
const TAIL_CHARS = 512 * 1024;
/** Output waits at most this long (ms) to be delivered with what follows it... */
const BATCH_MS = 25;
/** ...or until this many bytes have gathered. */
const BATCH_BYTES = 256 * 1024;

/** A queue between the pipes and the consumer; past `high` items it asks the producer to pause (backpressure). */
class Queue<T> {
	private items: T[] = [];
	private wake: (() => void) | undefined;
	private closed = false;
	private paused = false;
	constructor(
		private readonly pause: () => void,
		private readonly resume: () => void,
		private readonly high = 16,
	) {}
	push(item: T): void {
		this.items.push(item);
		if (!this.paused && this.items.length > this.high) {
			this.paused = true;
			this.pause();
		}
		this.wake?.();
	}
	close(): void {
		this.closed = true;
		this.wake?.();
	}
	async *drain(): AsyncGenerator<T> {
		while (true) {
			while (this.items.length) {
				yield this.items.shift()!;
				if (this.paused && this.items.length < this.high / 4) {
					this.paused = false;
					this.resume();
				}
			}
			if (this.closed) return;
			await new Promise<void>((r) => {
				this.wake = r;
			});
			this.wake = undefined;
		}
	}
}

function describeExit(
	name: string,
	exitCode: number | undefined,
	signal: string | undefined,
	stderrTail: string[],
): string {
	const names: Record<string, string> = {
		SIGABRT: "Aborted",
		SIGSEGV: "Segmentation fault",
		SIGKILL: "Killed",
		SIGBUS: "Bus error",
		SIGILL: "Illegal instruction",
		SIGFPE: "Floating point exception",
	};
	const how = signal ? `crashed (${names[signal] ?? signal})` : `exited with code ${exitCode}`;
	const tail = stderrTail.filter((l) => l.trim()).slice(-20);
	return `${name} ${how}${tail.length ? `: ${tail.join(" | ").slice(0, 2000)}` : ""}`;
}

export async function* runAgent(task: TaskId, options: AgentRunOptions): AsyncGenerator<ResearchEvent> {
	const { spec } = options;
	const env = options.env ?? process.env;
	const found = findExecutable(spec.command, env, options.cwd);
	if (!found.ok) {
		yield {
			type: "failed",
			status: "failed",
			reason:
				found.reason === "not-found"
					? `"${spec.command}" was not found${spec.command.includes("/") ? "" : " on PATH"}. Install it, or choose another agent with --agent.`
					: `"${spec.command}" is not executable. Fix its permissions (chmod +x), or choose another agent with --agent.`,
		};
		return;
	}
	const args =
		spec.promptVia === "arg" ? spec.args.map((a) => (a === "{prompt}" ? options.prompt : a)) : spec.args;
	let subRef: { stdout?: NodeJS.ReadableStream | null; stderr?: NodeJS.ReadableStream | null } | undefined;
	const queue = new Queue<ResearchEvent>(
		() => {
			subRef?.stdout?.pause();
			subRef?.stderr?.pause();
		},
		() => {
			subRef?.stdout?.resume();
			subRef?.stderr?.resume();
		},
	);
	// The last pieces of stdout (about TAIL_CHARS; plain ASCII ones as bytes), joined only once at the end.
	const tail: (string | Buffer)[] = [];
	let tailChars = 0;
	let stderrTail: string[] = [];
	let timedOut = false;
	let cancelled = false;

	const sub = execa(found.path, args, {
		cwd: options.cwd,
		// The prompt goes in and stdin closes, so an agent that waits for input cannot hang.
		...(spec.promptVia === "stdin" ? { input: options.prompt } : { stdin: "ignore" as const }),
		stdout: "pipe",
		stderr: "pipe",
		buffer: false,
		// Its own process group with no controlling terminal: it cannot write to /dev/tty, and we can kill the whole group.
		detached: true,
		cleanup: false,
		reject: false,
		env: { ...env, ...spec.env, NO_COLOR: "1", FORCE_COLOR: "0", TERM: "dumb" },
		extendEnv: false,
	});
	subRef = sub;
	const pid = sub.pid;
	if (pid !== undefined) {
		addAgentGroup({ pid, command: found.path, name: spec.name });
	}
	const killGroup = (signal: NodeJS.Signals) => {
		if (pid === undefined) return;
		try {
			process.kill(-pid, signal);
		} catch {
			// already gone
		}
	};
	let killTimer: ReturnType<typeof setTimeout> | undefined;
	const stop = () => {
		killGroup("SIGTERM");
		killTimer ??= setTimeout(() => killGroup("SIGKILL"), options.graceMs ?? 2000);
	};
	const timeout = setTimeout(
		() => {
			timedOut = true;
			stop();
		},
		Math.min(options.timeoutMs, TIMER_LIMIT_MS),
	);
	const onAbort = () => {
		cancelled = true;
		stop();
	};
	if (options.signal.aborted) onAbort();
	else options.signal.addEventListener("abort", onAbort, { once: true });

	// Reads are gathered and delivered in batches (see ChunkCoalescer); each batch is one output event.
	const output = new ChunkCoalescer();
	let batchTimer: ReturnType<typeof setTimeout> | undefined;
	const deliver = (end = false) => {
		if (batchTimer) clearTimeout(batchTimer);
		batchTimer = undefined;
		for (const batch of output.take(end)) {
			if (batch.stream === "stdout") {
				// Plain bytes stay bytes here too; the tail is decoded once, when the findings are read.
				const pieces = batch.kind === "plain" ? batch.bytes : batch.texts;
				for (const piece of pieces) {
					tail.push(piece);
					tailChars += piece.length;
				}
				while (tailChars - tail[0]!.length >= TAIL_CHARS) tailChars -= tail.shift()!.length;
			} else {
				const text =
					batch.kind === "plain" ? Buffer.concat(batch.bytes).toString("latin1") : batch.texts.join("");
				const lines = text.split("\n");
				stderrTail = [...stderrTail, ...lines.slice(-40)].slice(-40).map((l) => l.slice(0, 500));
			}
			queue.push(
				batch.kind === "plain"
					? { type: "plain-output", bytes: batch.bytes, lines: batch.lines, stream: batch.stream }
					: { type: "output", chunks: batch.texts, stream: batch.stream },
			);
		}
	};
	const gather = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
		output.push(stream, chunk);
		if (output.bytes >= BATCH_BYTES) deliver();
		else batchTimer ??= setTimeout(deliver, BATCH_MS);
	};
	sub.stdout?.on("data", gather("stdout"));
	sub.stderr?.on("data", gather("stderr"));

	const finished = (async () => {
		// Wait for the process to exit; if something outside its group still holds the pipes, stop reading.
		const exited = new Promise<void>((resolve) => sub.once("exit", () => resolve()));
		const result = await Promise.race([
			sub,
			exited.then(() => new Promise((r) => setTimeout(r, 1000))).then(() => undefined),
		]);
		sub.stdout?.destroy();
		sub.stderr?.destroy();
		const final =
			result ??
			(await Promise.race([sub, new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))]));
		clearTimeout(timeout);
		if (killTimer) clearTimeout(killTimer);
		options.signal.removeEventListener("abort", onAbort);
		if (pid !== undefined) {
			// Whatever the agent left behind in its group goes too.
			killGroup("SIGKILL");
			removeAgentGroup(pid);
		}
		const exitCode = final?.exitCode ?? sub.exitCode ?? undefined;
		const signal = final?.signal ?? sub.signalCode ?? undefined;
		// What is still gathered, with any character cut off at the very end.
		deliver(true);
		if (timedOut) {
			queue.push({
				type: "failed",
				status: "timed-out",
				reason: `${spec.name} gave no result within ${Math.max(1, Math.round(options.timeoutMs / 1000))} s and was stopped`,
			});
		} else if (cancelled) {
			queue.push({ type: "failed", status: "cancelled", reason: `${spec.name} was cancelled` });
		} else if (exitCode !== 0) {
			const notFound =
				exitCode === 127 ? `${spec.name} could not start its command (exit 127: not found)` : undefined;
			queue.push({
				type: "failed",
				status: "failed",
				reason: notFound ?? describeExit(spec.name, exitCode, signal ?? undefined, stderrTail),
			});
		} else {
			const parsed = parseAgentFindings(
				task,
				spec.name,
				tail.map((p) => (typeof p === "string" ? p : p.toString("latin1"))).join(""),
			);
			queue.push({
				type: "done",
				findings: parsed.ok
					? parsed.findings
					: {
							task,
							backend: spec.name,
							alternatives: [],
							facts: [],
							note: `${parsed.reason}; the built-in recommendations apply`,
						},
			});
		}
		queue.close();
	})();

	yield* queue.drain();
	await finished;
}
