// The interactive wizard's engine side: holds the state machine, runs research into panel buffers, writes outputs.
// No React here: the UI subscribes to snapshots and calls these methods.

import path from "node:path";
import { type DecisionId, keptProvenance, type Provenance } from "../decisions/spec";
import { describeFsError, ExitCode, GenesisError } from "../io/errors";
import { rel } from "../io/project";
import { sanitizeForFile } from "../io/sanitize";
import {
	builtinRunner,
	type ComposedOutputs,
	composeOutputs,
	type LoadedProject,
	type TaskRunner,
	writeComposed,
	writeNotes,
} from "../output/compose";
import { type AgentSpec, resolveAgent } from "../research/agent-spec";
import { PanelBuffer } from "../research/panel-buffer";
import { buildPrompt } from "../research/prompt";
import { TranscriptSink } from "../research/transcript";
import { type ResearchEvent, TASK_IDS, TASKS, type TaskId } from "../research/types";
import type { SavedSession, SessionStore } from "../session/store";
import type { WizardActions } from "./actions";
import { restoreState, toSession, vetSavedSession } from "./session-state";
import {
	initialState,
	type Override,
	reduce,
	strictStanding,
	type WizardEvent,
	type WizardState,
} from "./state";

/** While panels are quiet, one redraw in this many ticks keeps the spinners alive at a fraction of the cost. */
const QUIET_REDRAW_EVERY = 5;
/**
 * More new lines than this in one tick scroll past faster than anyone reads them (a flood, not an agent writing):
 * such output is redrawn every other tick. Output that can be read is redrawn every tick.
 */
const FLOOD_LINES_PER_TICK = 200;

export interface Snapshot {
	state: WizardState;
	/** Advances on the shared timer while anything is animating: spinners and elapsed times read it. */
	tick: number;
	/** Advances when a panel's buffered output was flushed. */
	panelsVersion: number;
}

export interface ControllerOptions {
	/** Backend per research task; missing tasks use the built-in engine. */
	agents?: Partial<Record<TaskId, AgentSpec | "builtin">>;
	agentTimeoutMs?: number;
	agentGraceMs?: number;
	/** Saves progress after every change that matters (step, decision, answer, finished research). */
	store?: SessionStore;
	/** "research": save only when research tasks finish (the --yes run decides everything else in a moment);
	 * "never": nothing worth resuming (built-in research finishes in milliseconds). */
	autosave?: "every-change" | "research" | "never";
	/** Write research notes (off for --dry-run). */
	writeNotes?: boolean;
	preset?: Partial<Record<DecisionId, Override>>;
	/** --strict in an interactive front end (see WizardState.strict); the --yes driver refuses at the end instead. */
	strict?: boolean;
	runner?: TaskRunner;
	/** Timestamp for the outputs (SOURCE_DATE_EPOCH aware). */
	generatedAt: string;
	/** Called with the exit code when the wizard is over (a successful write ends it with 0). */
	quit?: (code: number) => void;
	/** Remembers a backend chosen on the research screen for next time. */
	rememberAgent?: (task: TaskId, value: string) => void;
	/** Flush and animation interval, ms. */
	flushMs?: number;
	now?: () => number;
}

export class WizardController implements WizardActions {
	private snapshot: Snapshot;
	private readonly listeners = new Set<() => void>();
	readonly panels: Record<TaskId, PanelBuffer>;
	private timer: ReturnType<typeof setInterval> | undefined;
	private readonly aborts = new Map<TaskId, AbortController>();
	private composed: { state: WizardState; out: ComposedOutputs } | undefined;
	private readonly runner: TaskRunner;
	private readonly flushMs: number;
	private readonly now: () => number;
	private lastSavedKey = "";
	/** While above 0, changes are not saved one by one: the state they end in is saved once (see holdSaves). */
	private savesHeld = 0;
	private disposed = false;
	/** Why the last write failed, with its exit code (for the --yes driver). */
	lastWriteError: GenesisError | undefined;
	private quietTicks = 0;
	/** Panel line counts at the last redraw, and whether the tick before this one skipped its redraw. */
	private drawnLines: Record<TaskId, number> = { deploy: 0, iac: 0, cicd: 0 };
	private skippedTick = false;
	private readonly agents: Record<TaskId, AgentSpec | "builtin">;
	private settled: (() => void)[] = [];

	constructor(
		readonly project: LoadedProject,
		private readonly options: ControllerOptions,
	) {
		this.runner = options.runner ?? builtinRunner;
		this.flushMs = options.flushMs ?? 250;
		this.now = options.now ?? Date.now;
		this.panels = { deploy: new PanelBuffer(), iac: new PanelBuffer(), cicd: new PanelBuffer() };
		this.agents = {
			deploy: options.agents?.deploy ?? "builtin",
			iac: options.agents?.iac ?? "builtin",
			cicd: options.agents?.cicd ?? "builtin",
		};
		const backends = {
			deploy: backendName(this.agents.deploy),
			iac: backendName(this.agents.iac),
			cicd: backendName(this.agents.cicd),
		};
		this.snapshot = {
			state: initialState(project.report, project.context, options.preset ?? {}, backends, options.strict),
			tick: 0,
			panelsVersion: 0,
		};
		// A saved session is checked against this project, as fresh input is, before anything uses it.
		const fresh = this.snapshot.state;
		if (options.store) options.store.vet = (saved) => vetSavedSession(saved, fresh);
	}

	getSnapshot = (): Snapshot => this.snapshot;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	private emit(): void {
		for (const l of this.listeners) l();
	}

	private setState(state: WizardState): void {
		if (state === this.snapshot.state) return;
		this.snapshot = { ...this.snapshot, state };
		this.autosave();
		this.emit();
		if (!TASK_IDS.some((t) => ["running", "pending"].includes(state.research[t].status))) {
			for (const r of this.settled.splice(0)) r();
		}
	}

	/** What a saved session records; saving happens only when it changes. */
	private saveKey(state: WizardState): string {
		if (this.options.autosave === "research")
			return JSON.stringify(TASK_IDS.map((t) => state.research[t].status));
		return JSON.stringify([
			state.step,
			state.decisionIndex,
			state.questionIndex,
			state.overrides,
			state.answers,
			TASK_IDS.map((t) => state.research[t].status),
		]);
	}

	private autosave(): void {
		const store = this.options.store;
		if (!store || this.options.autosave === "never" || this.savesHeld > 0) return;
		const state = this.snapshot.state;
		if (state.step === "done") return;
		const key = this.saveKey(state);
		if (key === this.lastSavedKey) return;
		this.lastSavedKey = key;
		this.saveNow();
	}

	/** Saves the session now, synchronously (also from signal handlers). */
	saveNow(): boolean {
		const store = this.options.store;
		const state = this.snapshot.state;
		// Nothing done yet: a session at pre-flight would only offer to resume where a fresh start lands anyway.
		if (!store || state.step === "done" || state.step === "preflight") return false;
		const transcripts = { deploy: [], iac: [], cicd: [] } as Record<TaskId, string[]>;
		for (const t of TASK_IDS) transcripts[t] = this.panels[t].tail(400).map((l) => l.text);
		return store.save(toSession(state, transcripts, new Date().toISOString()));
	}

	/** Puts saved progress on top of the fresh state; finished research is shown again, not re-run. */
	restore(saved: SavedSession, rerunResearch: boolean): void {
		const state = restoreState(this.snapshot.state, saved, rerunResearch);
		for (const t of TASK_IDS) {
			if (state.research[t].status !== "done") continue;
			this.panels[t].clear();
			for (const line of saved.research[t].transcript) this.panels[t].line(line);
			this.panels[t].line("(restored from the saved session; not run again)", "stderr");
		}
		this.lastSavedKey = "";
		this.setState(state);
		if (state.step === "research") this.startPending();
	}

	/** Starts every research task that has not finished (saved once, with all of them started). */
	startPending(): void {
		this.holdSaves(() => {
			for (const t of TASK_IDS) {
				const status = this.snapshot.state.research[t].status;
				if (status !== "done" && status !== "running") void this.runTask(t);
			}
		});
	}

	/** Makes several changes in one go and saves the state they end in once, not each on the way (a save fsyncs). */
	private holdSaves(change: () => void): void {
		this.savesHeld++;
		try {
			change();
		} finally {
			this.savesHeld--;
			this.autosave();
		}
	}

	/** Resolves when no research task is running or waiting. */
	researchSettled(): Promise<void> {
		const busy = TASK_IDS.some((t) =>
			["running", "pending"].includes(this.snapshot.state.research[t].status),
		);
		return busy ? new Promise((resolve) => this.settled.push(resolve)) : Promise.resolve();
	}

	get state(): WizardState {
		return this.snapshot.state;
	}

	dispatch = (event: WizardEvent): void => {
		this.setState(reduce(this.snapshot.state, event));
	};

	/** One shared timer drives spinners and flushes panel output; it stops when nothing moves. */
	private ensureTimer(): void {
		if (this.timer || this.disposed) return;
		this.timer = setInterval(() => this.onTick(), this.flushMs);
		// The timer only animates; it never keeps the process alive on its own.
		this.timer.unref();
	}

	private onTick(): void {
		const running = TASK_IDS.some((t) => this.snapshot.state.research[t].status === "running");
		const dirty = TASK_IDS.some((t) => this.panels[t].dirty);
		if (!running && !dirty) {
			clearInterval(this.timer);
			this.timer = undefined;
			return;
		}
		// Nothing new to show: redraw only every few ticks, just to move the spinners and the clock.
		this.quietTicks = dirty ? 0 : this.quietTicks + 1;
		if (!dirty && this.quietTicks % QUIET_REDRAW_EVERY !== 0) return;
		// A flood: every other tick is enough to show it moving (frames are most of what a flood costs).
		const flooding = TASK_IDS.some((t) => this.panels[t].total - this.drawnLines[t] > FLOOD_LINES_PER_TICK);
		if (flooding && !this.skippedTick) {
			this.skippedTick = true;
			return;
		}
		this.draw(dirty);
	}

	/** Redraws the panels (and moves the spinners) now. */
	private draw(dirty = TASK_IDS.some((t) => this.panels[t].dirty)): void {
		this.skippedTick = false;
		for (const t of TASK_IDS) {
			this.panels[t].dirty = false;
			this.drawnLines[t] = this.panels[t].total;
		}
		this.snapshot = {
			...this.snapshot,
			tick: this.snapshot.tick + 1,
			panelsVersion: this.snapshot.panelsVersion + (dirty ? 1 : 0),
		};
		this.emit();
	}

	/**
	 * Loads the agent runner (and the process library under it) while pre-flight waits for a key, when a task will run
	 * an agent: Enter then starts the agents at once.
	 */
	prepareAgents(): void {
		if (TASK_IDS.some((t) => this.agents[t] !== "builtin"))
			import("../research/agent-runner").catch(() => undefined);
	}

	/** Leaves pre-flight and starts every research task that has not finished. */
	continueFromPreflight(): void {
		this.holdSaves(() => {
			this.dispatch({ type: "CONTINUE" });
			this.startPending();
		});
	}

	retry(task: TaskId): void {
		const status = this.snapshot.state.research[task].status;
		if (status === "running" || status === "done") return;
		void this.runTask(task);
	}

	cancel(task: TaskId): void {
		this.aborts.get(task)?.abort();
	}

	/** The backend a task runs on now. */
	agentFor(task: TaskId): AgentSpec | "builtin" {
		return this.agents[task];
	}

	/** Switches a task's backend (from the research screen), remembers the choice, and runs the task again. */
	setAgent(task: TaskId, value: string | AgentSpec | "builtin"): void {
		const spec = typeof value === "string" ? resolveAgent(value) : value;
		this.agents[task] = spec;
		this.cancel(task);
		this.dispatch({ type: "AGENT_CHANGED", task, backend: backendName(spec) });
		if (typeof value === "string") this.options.rememberAgent?.(task, value);
		void this.runTask(task);
	}

	/** The prompt an agent gets for a task (shown before running; printed by --dry-run). */
	promptFor(task: TaskId): string {
		return buildPrompt(task, this.snapshot.state.context, this.project.paths);
	}

	/** After an agent failed: the built-in engine answers the brief instead, and the findings say so. */
	fallback(task: TaskId): void {
		const r = this.snapshot.state.research[task];
		if (r.status === "running" || r.status === "done") return;
		const note = `${r.backend}: ${r.error ?? r.status}; the built-in knowledge base answered instead`;
		this.agents[task] = "builtin";
		void this.runTask(task, note);
	}

	private events(task: TaskId, signal: AbortSignal): AsyncIterable<ResearchEvent> | Iterable<ResearchEvent> {
		const spec = this.agents[task];
		if (spec === "builtin") return this.runner(task, this.snapshot.state.context, signal);
		return lazyRunAgent(task, {
			spec,
			prompt: this.promptFor(task),
			cwd: this.project.paths.root,
			timeoutMs: this.options.agentTimeoutMs ?? 10 * 60_000,
			signal,
			graceMs: this.options.agentGraceMs,
		});
	}

	private openTranscript(task: TaskId, spec: AgentSpec): TranscriptSink | undefined {
		if (this.options.writeNotes === false) return undefined;
		try {
			const file = path.join(
				this.project.paths.researchDir,
				TASKS[task].notesFile.replace(/\.md$/, ".transcript.txt"),
			);
			return new TranscriptSink(
				this.project.paths.root,
				file,
				`# ${TASKS[task].title} — ${spec.name} (${[spec.command, ...spec.args].join(" ")})\n\n`,
			);
		} catch (error) {
			this.panels[task].line(
				`Transcript not saved: ${error instanceof GenesisError ? error.message : describeFsError(error).reason}`,
				"stderr",
			);
			return undefined;
		}
	}

	private async runTask(task: TaskId, note?: string): Promise<void> {
		const abort = new AbortController();
		this.aborts.set(task, abort);
		const panel = this.panels[task];
		panel.clear();
		const spec = this.agents[task];
		this.dispatch({ type: "TASK_STARTED", task, backend: backendName(spec), at: this.now() });
		this.ensureTimer();
		if (note) panel.line(note, "stderr");
		const sink = spec === "builtin" ? undefined : this.openTranscript(task, spec);
		const transcript: string[] = [];
		let failure: { reason: string; status: "failed" | "timed-out" | "cancelled" } | undefined;
		try {
			for await (const event of this.events(task, abort.signal)) {
				if (event.type === "line") {
					panel.line(event.text, event.stream);
					transcript.push(event.text);
				} else if (event.type === "plain-output") {
					// Plain printable ASCII: nothing to sanitise; the panel decodes only the lines it can still show.
					for (let i = 0; i < event.bytes.length; i++)
						panel.writePlain(event.bytes[i]!, event.lines[i]!, event.stream);
					sink?.writePlain(event.bytes, event.stream);
				} else if (event.type === "output") {
					// One sanitising pass serves both the panel and the transcript file.
					const clean = event.chunks.map((chunk) => {
						const safe = sanitizeForFile(chunk);
						panel.write(safe, event.stream, true);
						return safe;
					});
					sink?.writeClean(clean, event.stream);
				} else if (event.type === "done") {
					panel.end();
					const findings = note ? { ...event.findings, note } : event.findings;
					if (findings.note && spec !== "builtin") panel.line(findings.note, "stderr");
					let notesFile: string | undefined;
					try {
						// The panel's last lines are drawn at once, and while the transcript is flushed to disk.
						this.draw();
						const transcriptFile = await sink?.closeAsync();
						if (this.options.writeNotes !== false) {
							notesFile = writeNotes(
								this.project.paths,
								task,
								{ type: "done", findings },
								transcriptFile ? [`Full transcript: ${rel(this.project.paths, transcriptFile)}`] : transcript,
							);
						}
					} catch (error) {
						panel.line(
							`Research notes not saved: ${error instanceof GenesisError ? error.message : describeFsError(error).reason}`,
							"stderr",
						);
					}
					this.dispatch({ type: "TASK_LINES", task, count: panel.total });
					this.dispatch({ type: "TASK_DONE", task, findings, at: this.now(), notesFile });
				} else {
					failure = {
						reason: event.reason,
						status: event.status ?? (abort.signal.aborted ? "cancelled" : "failed"),
					};
				}
			}
		} catch (error) {
			failure = {
				reason: error instanceof Error ? error.message : String(error),
				status: abort.signal.aborted ? "cancelled" : "failed",
			};
		} finally {
			this.aborts.delete(task);
		}
		if (failure) {
			panel.end();
			panel.line(failure.reason, "stderr");
			try {
				// Partial output is kept: the transcript of a failed run is still written.
				sink?.close();
			} catch {
				sink?.abandon();
			}
			this.dispatch({
				type: "TASK_FAILED",
				task,
				status: failure.status,
				reason: failure.reason,
				at: this.now(),
			});
		}
		this.ensureTimer();
	}

	/** Research is complete only after the user has seen it: the research screen calls this on Enter. */
	finishResearch(): void {
		this.dispatch({ type: "RESEARCH_COMPLETE" });
	}

	/** A value equal to the recommendation keeps the recommendation's provenance; anything else is the user's. */
	decide(id: DecisionId, value: string): void {
		const rec = this.snapshot.state.recommendations?.[id];
		const provenance: Provenance = rec && rec.value === value ? keptProvenance(rec.by) : "user";
		this.dispatch({ type: "DECIDE", id, value, provenance });
	}

	/** The section and handoff as they would be written now (cached per state). */
	compose(): ComposedOutputs {
		const state = this.snapshot.state;
		if (this.composed?.state === state) return this.composed.out;
		const out = composeOutputs(state, this.project.paths, this.options.generatedAt);
		this.composed = { state, out };
		return out;
	}

	/** Writes the outputs; `replace` is the user's consent to replace existing files (kept as backups). */
	write(replace: boolean): ComposedOutputs | undefined {
		// --strict with a finding standing: not written; the review shows why (the reducer sets the error).
		const standing = strictStanding(this.snapshot.state);
		this.dispatch({ type: "WRITE_STARTED" });
		if (standing) {
			this.lastWriteError = new GenesisError(standing, ExitCode.badInput);
			return undefined;
		}
		try {
			const out = this.compose();
			const result = writeComposed(this.project.paths, out, {
				force: replace,
				stamp: this.options.generatedAt,
			});
			this.dispatch({ type: "WRITTEN", files: result.written, backups: result.backups });
			this.options.store?.clear();
			this.options.quit?.(0);
			return out;
		} catch (error) {
			const failure = describeFsError(error);
			this.lastWriteError =
				error instanceof GenesisError
					? error
					: new GenesisError(`Cannot write the outputs: ${failure.reason}`, failure.exitCode);
			this.dispatch({ type: "WRITE_FAILED", error: this.lastWriteError.message });
			return undefined;
		}
	}

	quit = (code: number): void => {
		this.options.quit?.(code);
	};

	dispose(): void {
		this.disposed = true;
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		for (const a of this.aborts.values()) a.abort();
		this.listeners.clear();
	}
}

/** execa loads only when an agent actually runs, so the built-in path starts fast. */
async function* lazyRunAgent(
	task: TaskId,
	options: Parameters<typeof import("../research/agent-runner").runAgent>[1],
): AsyncGenerator<ResearchEvent> {
	const { runAgent } = await import("../research/agent-runner");
	yield* runAgent(task, options);
}

export function backendName(spec: AgentSpec | "builtin"): string {
	return spec === "builtin" ? "builtin" : spec.name;
}
