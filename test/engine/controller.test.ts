// The wizard controller with a fake research runner and a fake clock: research into panels, failures, cancel,
// fallback, decisions with provenance, composing and writing.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { builtinRunner, loadProject, type TaskRunner } from "../../src/engine/output/compose";
import type { ResearchEvent, TaskId } from "../../src/engine/research/types";
import { WizardController } from "../../src/engine/wizard/controller";
import { cleanupTemps, exampleProject, OUT_HANDOFF, OUT_SECTION } from "../helpers/project";

afterEach(cleanupTemps);

type Script = (task: TaskId, signal: AbortSignal) => AsyncGenerator<ResearchEvent>;

/** A runner that plays a script per task; `done` events come from the built-in engine so findings are real. */
function fakeRunner(script: Script): TaskRunner & { signals: Partial<Record<TaskId, AbortSignal>> } {
	const signals: Partial<Record<TaskId, AbortSignal>> = {};
	const runner = (task: TaskId, _ctx: unknown, signal: AbortSignal) => {
		signals[task] = signal;
		return script(task, signal);
	};
	return Object.assign(runner as TaskRunner, { signals });
}

async function* builtinDone(task: TaskId, ctx: Parameters<TaskRunner>[1], signal: AbortSignal) {
	for await (const e of builtinRunner(task, ctx, signal)) if (e.type === "done") yield e;
}

function setup(runner: TaskRunner, clock = { t: 1_000 }) {
	const dir = exampleProject();
	const controller = new WizardController(loadProject(dir), {
		generatedAt: "2026-01-01T00:00:00Z",
		runner,
		flushMs: 5,
		writeNotes: false,
		now: () => clock.t,
	});
	return { dir, controller, clock };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe("WizardController", () => {
	it("streams a runner's lines into the task's panel and marks the task done with its findings", async () => {
		let ctx: Parameters<TaskRunner>[1] | undefined;
		const runner: TaskRunner = (task, c, signal) => {
			ctx = c;
			return (async function* () {
				yield { type: "line", text: `${task}: reading the stack`, stream: "stdout" } as ResearchEvent;
				yield { type: "line", text: `${task}: comparing options`, stream: "stdout" } as ResearchEvent;
				yield* builtinDone(task, c, signal);
			})();
		};
		const { controller } = setup(runner);
		expect(controller.state.step).toBe("preflight");
		controller.continueFromPreflight();
		await controller.researchSettled();
		await tick();
		expect(ctx?.projectName).toBeTruthy();
		for (const t of ["deploy", "iac", "cicd"] as const) {
			expect(controller.state.research[t].status).toBe("done");
			expect(controller.state.research[t].findings?.recommendation).toBeTruthy();
			const texts = controller.panels[t].tail(10).map((l) => l.text);
			expect(texts).toContain(`${t}: reading the stack`);
			expect(texts).toContain(`${t}: comparing options`);
		}
		controller.finishResearch();
		expect(controller.state.step).toBe("decisions");
		controller.dispose();
	});

	it("records a failed task with its reason, and fallback lets the built-in engine answer and says so", async () => {
		const runner = fakeRunner(async function* (task) {
			if (task === "iac") {
				yield { type: "failed", reason: "agent exited with code 3", status: "failed" };
				return;
			}
			yield* builtinDone(task, undefined as never, new AbortController().signal);
		});
		let iacRuns = 0;
		const { controller } = setup((task, ctx, signal) =>
			task === "iac" && iacRuns++ === 0 ? runner(task, ctx, signal) : builtinDone(task, ctx, signal),
		);
		controller.continueFromPreflight();
		await controller.researchSettled();
		expect(controller.state.research.iac.status).toBe("failed");
		expect(controller.state.research.iac.error).toBe("agent exited with code 3");
		expect(controller.state.research.deploy.status).toBe("done");
		controller.fallback("iac");
		await controller.researchSettled();
		expect(controller.state.research.iac.status).toBe("done");
		const panel = controller.panels.iac
			.tail(50)
			.map((l) => l.text)
			.join("\n");
		expect(panel).toMatch(/agent exited with code 3.*built-in knowledge base answered instead/);
		controller.dispose();
	});

	it("cancel aborts the running task's signal and leaves it cancelled, not done", async () => {
		let release: () => void = () => {};
		const runner = fakeRunner(async function* (task, signal) {
			if (task !== "cicd") {
				yield* builtinDone(task, undefined as never, signal);
				return;
			}
			yield { type: "line", text: "cicd: waiting", stream: "stdout" };
			await new Promise<void>((r) => {
				release = r;
				signal.addEventListener("abort", () => r());
			});
			if (signal.aborted) yield { type: "failed", reason: "cancelled by the user", status: "cancelled" };
		});
		const { controller } = setup((t, c, s) => (t === "cicd" ? runner(t, c, s) : builtinDone(t, c, s)));
		controller.continueFromPreflight();
		await tick();
		expect(controller.state.research.cicd.status).toBe("running");
		controller.cancel("cicd");
		await controller.researchSettled();
		release();
		expect(runner.signals.cicd?.aborted).toBe(true);
		expect(controller.state.research.cicd.status).toBe("cancelled");
		controller.dispose();
	});

	it("stamps research start and end with the injected clock", async () => {
		const clock = { t: 50_000 };
		const { controller } = setup(
			(task, ctx, signal) =>
				(async function* () {
					clock.t += 1_500;
					yield* builtinDone(task, ctx, signal);
				})(),
			clock,
		);
		controller.continueFromPreflight();
		await controller.researchSettled();
		const r = controller.state.research.deploy;
		expect(r.startedAt).toBeGreaterThanOrEqual(50_000);
		expect(r.endedAt! - r.startedAt!).toBeGreaterThanOrEqual(1_500);
		controller.dispose();
	});

	it("keeps the recommendation's provenance for the recommended value, marks anything else the user's, refuses nonsense", async () => {
		const { controller } = setup(builtinRunner);
		controller.continueFromPreflight();
		await controller.researchSettled();
		controller.finishResearch();
		const rec = controller.state.recommendations!.strategy.value;
		controller.decide("strategy", rec);
		expect(controller.state.overrides.strategy).toEqual({ value: rec, provenance: "recommended" });
		const rtoRec = controller.state.recommendations!.rto.value;
		controller.decide("rto", rtoRec === "7h" ? "9h" : "7h");
		expect(controller.state.overrides.rto?.provenance).toBe("user");
		const before = controller.state.overrides.rpo;
		controller.decide("rpo", "-5 parsecs");
		expect(controller.state.overrides.rpo).toEqual(before);
		controller.dispose();
	});

	it("writes the section and the handoff once, and refuses to replace them without consent", async () => {
		const { dir, controller } = setup(builtinRunner);
		controller.continueFromPreflight();
		await controller.researchSettled();
		controller.finishResearch();
		const out = controller.compose();
		expect(controller.compose()).toBe(out);
		expect(controller.write(false)).toBeDefined();
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toBe(out.markdown);
		expect(existsSync(path.join(dir, OUT_HANDOFF))).toBe(true);
		writeFileSync(path.join(dir, OUT_SECTION), `${out.markdown}\nA hand edit.\n`);
		expect(controller.write(false)).toBeUndefined();
		expect(controller.lastWriteError?.exitCode).toBe(73);
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toContain("A hand edit.");
		expect(controller.write(true)).toBeDefined();
		expect(readFileSync(path.join(dir, OUT_SECTION), "utf8")).toBe(out.markdown);
		controller.dispose();
	});
});

describe("WizardController redraws", () => {
	/** The shared timer's tick, driven by hand: how many redraws each round of output gets. */
	function redraws(controller: WizardController, rounds: number, linesPerRound: number): boolean[] {
		let emitted = 0;
		controller.subscribe(() => emitted++);
		const drawn: boolean[] = [];
		let n = 0;
		for (let r = 0; r < rounds; r++) {
			for (let i = 0; i < linesPerRound; i++) controller.panels.deploy.line(`line ${n++}`);
			const before = emitted;
			(controller as unknown as { onTick(): void }).onTick();
			drawn.push(emitted > before);
		}
		return drawn;
	}

	it("output that can be read is redrawn on every tick", () => {
		const { controller } = setup(fakeRunner(async function* () {}));
		expect(redraws(controller, 6, 20)).toEqual([true, true, true, true, true, true]);
		controller.dispose();
	});

	it("a flood is redrawn on every other tick, with everything it wrote by then", () => {
		const { controller } = setup(fakeRunner(async function* () {}));
		let lastShown = -1;
		controller.subscribe(() => {
			lastShown = Number(controller.panels.deploy.tail(1)[0]?.text.split(" ")[1]);
		});
		expect(redraws(controller, 6, 1000)).toEqual([false, true, false, true, false, true]);
		expect(lastShown).toBe(5999);
		// Back to a trickle: every tick again.
		expect(redraws(controller, 3, 5)).toEqual([true, true, true]);
		controller.dispose();
	});
});
