import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GenesisError } from "../../src/engine/io/errors";
import { loadProject } from "../../src/engine/output/compose";
import { ProjectLock } from "../../src/engine/session/lock";
import { SessionStore } from "../../src/engine/session/store";
import { WizardController } from "../../src/engine/wizard/controller";
import { cleanupTemps, exampleProject, HANDOFF_03, tempDir } from "../helpers/project";

afterEach(cleanupTemps);

function setup(dir = exampleProject(), stateDir = tempDir()) {
	const env = { ...process.env, GENESIS_TUI_STATE_DIR: stateDir };
	const store = new SessionStore(dir, env);
	const controller = new WizardController(loadProject(dir), {
		generatedAt: "2026-01-01T00:00:00Z",
		store,
		flushMs: 5,
	});
	return { dir, stateDir, env, store, controller };
}

async function toDecision(c: WizardController, index: number) {
	c.continueFromPreflight();
	await c.researchSettled();
	c.finishResearch();
	for (let i = 0; i < index; i++) {
		const s = c.state;
		const id = (["strategy", "iac", "ci", "environments", "rto", "rpo", "backupFrequency"] as const)[i]!;
		c.decide(id, id === "iac" ? "pulumi" : s.recommendations![id].value);
	}
}

describe("saved sessions", () => {
	it("saves after every change and restores the same step, values and research without re-running it", async () => {
		const { dir, env, store, controller } = setup();
		await toDecision(controller, 3);
		const saved = store.load();
		expect(saved.kind).toBe("found");
		if (saved.kind !== "found") return;
		expect(saved.session.step).toBe("decisions");
		expect(saved.session.decisionIndex).toBe(3);
		expect(saved.session.overrides.iac).toEqual({ value: "pulumi", provenance: "user" });
		expect(saved.session.research.deploy.transcript.length).toBeGreaterThan(3);

		const fresh = new WizardController(loadProject(dir), {
			generatedAt: "2026-01-01T00:00:00Z",
			store: new SessionStore(dir, env),
		});
		fresh.restore(saved.session, false);
		expect(fresh.state.step).toBe("decisions");
		expect(fresh.state.decisionIndex).toBe(3);
		expect(fresh.state.overrides.iac?.value).toBe("pulumi");
		expect(fresh.state.research.deploy.status).toBe("done");
		expect(fresh.panels.deploy.tail(1)[0]!.text).toContain("restored from the saved session");
		controller.dispose();
		fresh.dispose();
	});

	it("starting research is saved once, with every task running (not once per task: a save fsyncs)", async () => {
		const { store, controller } = setup();
		const saves: string[][] = [];
		const save = store.save.bind(store);
		store.save = (session) => {
			saves.push([session.step, ...Object.values(session.research).map((r) => r.status)]);
			return save(session);
		};
		controller.continueFromPreflight();
		expect(saves).toEqual([["research", "running", "running", "running"]]);
		await controller.researchSettled();
		expect(saves.at(-1)).toEqual(["research", "done", "done", "done"]);
		controller.dispose();
	});

	it("notices changed handoffs and can re-run the research", async () => {
		const { dir, store, controller } = setup();
		await toDecision(controller, 1);
		const { changedInputs } = await import("../../src/engine/session/store");
		writeFileSync(
			path.join(dir, HANDOFF_03),
			JSON.stringify({ key_outputs: { infrastructure: { backend_hosting: "Fly.io" } } }),
		);
		const loaded = store.load();
		if (loaded.kind !== "found") throw new Error("no session");
		const project = loadProject(dir);
		expect(changedInputs(loaded.session, project.report)).toEqual([HANDOFF_03]);
		const c = new WizardController(project, { generatedAt: "x" });
		c.restore(loaded.session, true);
		expect(c.state.step).toBe("research");
		await c.researchSettled();
		expect(c.state.research.deploy.findings?.recommendation?.value).toBe("canary");
		expect(c.state.context.backend.platform).toBe("fly");
		controller.dispose();
		c.dispose();
	});

	it("clears the session once the outputs are written", async () => {
		const { store, controller } = setup();
		await toDecision(controller, 7);
		while (controller.state.step === "questions")
			controller.dispatch({
				type: "SKIP",
				id: controller.state.questions[controller.state.questionIndex]!.id,
			});
		expect(existsSync(store.file)).toBe(true);
		expect(controller.write(false)).toBeDefined();
		expect(existsSync(store.file)).toBe(false);
		controller.dispose();
	});

	it.each([
		["truncated JSON", '{"session": {"version": 1, "step": "deci'],
		["zero bytes", ""],
		["binary garbage", "\u0000\u0001\u00ff\u00fe"],
		["schema-invalid", JSON.stringify({ session: { version: 1, step: "nowhere" } })],
		["newer format", JSON.stringify({ session: { version: 99 } })],
	])("a %s session is moved aside with its bytes kept, never a crash", (_name, content) => {
		const { store } = setup();
		writeFileSync(store.file, content);
		const r = store.load();
		expect(r.kind).toBe("set-aside");
		if (r.kind !== "set-aside") return;
		expect(path.basename(r.movedTo)).toMatch(/^session-[0-9a-f]{16}\.json\.corrupt-\d{8}T\d{6}Z$/);
		expect(readFileSync(r.movedTo, "utf8")).toBe(content);
		expect(store.load().kind).toBe("none");
	});

	it("a store that cannot be written is reported once and the wizard goes on", async () => {
		const blocker = path.join(tempDir(), "not-a-folder");
		writeFileSync(blocker, "x");
		const { controller, store } = setup(exampleProject(), path.join(blocker, "state"));
		await toDecision(controller, 2);
		expect(store.saveError).toMatch(/system error ENOTDIR|does not exist|not a folder/);
		expect(controller.state.step).toBe("decisions");
		controller.dispose();
	});

	it("a lock that cannot be taken (no store folder) turns saving off with its reason, without an error", () => {
		const blocker = path.join(tempDir(), "not-a-folder");
		writeFileSync(blocker, "x");
		const env = { ...process.env, GENESIS_TUI_STATE_DIR: path.join(blocker, "state") };
		const dir = exampleProject();
		const lock = new ProjectLock(dir, env);
		expect(() => lock.lock()).not.toThrow();
		expect(lock.error).toMatch(/ENOTDIR|not a folder|does not exist/);
		expect(lock.hasSavedSession()).toBe(false);
		const store = new SessionStore(dir, env, lock);
		expect(store.saveError).toBe(lock.error);
		expect(store.file).toBe(lock.sessionFile);
	});

	it("a store given the wizard's lock uses that lock: taken once, released by the store's unlock", () => {
		const state = tempDir();
		const env = { ...process.env, GENESIS_TUI_STATE_DIR: state };
		const dir = exampleProject();
		const lock = new ProjectLock(dir, env);
		lock.lock();
		const lockFile = lock.sessionFile.replace(/\.json$/, ".lock");
		expect(JSON.parse(readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
		const store = new SessionStore(dir, env, lock);
		store.lock();
		expect(store.saveError).toBeUndefined();
		writeFileSync(store.file, "{}");
		expect(lock.hasSavedSession()).toBe(true);
		store.unlock();
		expect(existsSync(lockFile)).toBe(false);
	});

	it("keeps the last good copy next to the session", async () => {
		const { store, controller } = setup();
		await toDecision(controller, 2);
		expect(existsSync(`${store.file}.bak`)).toBe(true);
		controller.dispose();
	});

	it("locks the project: a live holder is refused with 75, a dead holder's lock is cleared", async () => {
		const { dir, env } = setup();
		const a = new SessionStore(dir, env);
		a.lock();
		// Another process holds it: fake that with a live child's pid.
		const child = spawn("sleep", ["5"]);
		const lockFile = a.file.replace(/\.json$/, ".lock");
		writeFileSync(lockFile, JSON.stringify({ pid: child.pid, startedAt: "2026-01-01T00:00:00Z" }));
		const b = new SessionStore(dir, env);
		try {
			b.lock();
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(GenesisError);
			expect((error as GenesisError).exitCode).toBe(75);
			expect((error as Error).message).toBe(
				`genesis-tui (pid ${child.pid}, started 2026-01-01T00:00:00Z) is already using this project. Finish or quit that run first.`,
			);
		}
		child.kill("SIGKILL");
		await new Promise((r) => child.on("exit", r));
		b.lock();
		expect(JSON.parse(readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
		b.unlock();
		expect(existsSync(lockFile)).toBe(false);
	});

	it("two projects never share a store", () => {
		const stateDir = tempDir();
		expect(setup(exampleProject(), stateDir).store.file).not.toBe(
			setup(exampleProject(), stateDir).store.file,
		);
	});
});

describe("sessions command", () => {
	it("lists every saved session with its step, and --clear --all removes them all", async () => {
		const stateDir = tempDir();
		const a = setup(exampleProject(), stateDir);
		const b = setup(exampleProject(), stateDir);
		await toDecision(a.controller, 2);
		await toDecision(b.controller, 1);
		const { listSessions, clearAllSessions } = await import("../../src/engine/session/store");
		const listed = listSessions(a.store);
		expect(listed.map((s) => s.step).sort()).toEqual(["decisions", "decisions"]);
		expect(listed.map((s) => s.projectRoot).sort()).toEqual([a.dir, b.dir].sort());
		const { runCli } = await import("../helpers/cli");
		const r = runCli(["sessions", "--clear", "--all"], { env: { GENESIS_TUI_STATE_DIR: stateDir } });
		expect(r.stdout).toBe("Removed 2 saved sessions.\n");
		expect(listSessions(a.store)).toEqual([]);
		expect(clearAllSessions(a.store)).toBe(0);
		a.controller.dispose();
		b.controller.dispose();
	});
});

describe("a saved session is untrusted input", () => {
	/** A real saved session at the questions step, one answer given, then edited by `tamper`. */
	async function savedThenTampered(tamper: (session: Record<string, any>) => void) {
		const s = setup();
		await toDecision(s.controller, 7);
		s.controller.dispatch({
			type: "ANSWER",
			id: s.controller.state.questions[0]!.id,
			text: "yes",
			provenance: "user",
		});
		s.controller.dispose();
		const data = JSON.parse(readFileSync(s.store.file, "utf8"));
		tamper(data.session);
		writeFileSync(s.store.file, JSON.stringify(data));
		const store = new SessionStore(s.dir, s.env);
		const controller = new WizardController(loadProject(s.dir), {
			generatedAt: "2026-01-01T00:00:00Z",
			store,
		});
		return { ...s, store, controller, result: store.load() };
	}

	it.each([
		["strategy", "canary\u001b[31m"],
		["strategy", "teleport"],
		["rto", "-5 parsecs"],
		["rpo", ""],
		["backupFrequency", "NaN"],
		["environments", "staging"],
	])("a saved %s of %j is moved aside with a reason, and the next load starts fresh", async (id, value) => {
		const { result, store, controller } = await savedThenTampered((s) => {
			s.overrides[id] = { value, provenance: "user" };
		});
		expect(result.kind).toBe("set-aside");
		if (result.kind !== "set-aside") return;
		expect(result.reason).toMatch(/is not valid/);
		expect(existsSync(result.movedTo)).toBe(true);
		expect(store.load().kind).toBe("none");
		controller.dispose();
	});

	it("an answer carrying escapes, NUL, bidi, a fence or 200,000 characters is refused like no typed answer could be", async () => {
		for (const text of [
			"\u001b]0;PWN\u0007 ok",
			"a\u0000b",
			"\u202eevil",
			"line\n```\nfence",
			"x".repeat(200_000),
		]) {
			const { result, controller } = await savedThenTampered((s) => {
				const id = Object.keys(s.answers)[0]!;
				s.answers[id].text = text;
			});
			expect(result.kind, JSON.stringify(text.slice(0, 20))).toBe("set-aside");
			controller.dispose();
		}
	});

	it("built-in findings are computed again, so edited ones never reach the section", async () => {
		const { result, controller } = await savedThenTampered((s) => {
			s.research.deploy.findings.facts[0].text = "<script>alert(1)</script>";
			s.research.deploy.findings.recommendation.rationale = "\u001b]52;c;cHduZWQ=\u0007";
		});
		expect(result.kind).toBe("found");
		if (result.kind !== "found") return;
		const text = JSON.stringify(result.session.research.deploy.findings);
		expect(text).not.toContain("<script>");
		expect(text).not.toContain("\u001b");
		controller.dispose();
	});

	it("agent findings pass the agents' caps and cleaning again; a provenance or backend with escapes is refused", async () => {
		const agent = await savedThenTampered((s) => {
			s.research.iac.backend = "claude";
			s.research.iac.findings.backend = "claude";
			s.research.iac.findings.facts = Array.from({ length: 61 }, () => ({
				text: "fact",
				sourceIds: [],
				urls: [],
			}));
		});
		expect(agent.result.kind).toBe("set-aside");
		if (agent.result.kind === "set-aside") expect(agent.result.reason).toMatch(/agents' checks/);
		agent.controller.dispose();
		const provenance = await savedThenTampered((s) => {
			s.overrides.strategy = { value: "rolling", provenance: "agent:\u001b]0;x\u0007" };
		});
		expect(provenance.result.kind).toBe("set-aside");
		provenance.controller.dispose();
		const backend = await savedThenTampered((s) => {
			s.research.cicd.backend = "evil\u202e";
		});
		expect(backend.result.kind).toBe("set-aside");
		backend.controller.dispose();
	});

	it("an index past the end is brought back in range instead of crashing later", async () => {
		const { result, controller } = await savedThenTampered((s) => {
			s.step = "decisions";
			s.decisionIndex = 999;
			s.questionIndex = 999;
		});
		expect(result.kind).toBe("found");
		if (result.kind !== "found") return;
		expect(result.session.decisionIndex).toBe(6);
		controller.restore(result.session, false);
		expect(controller.state.step).toBe("decisions");
		controller.dispose();
	});

	it("two sessions set aside in the same second keep both copies", () => {
		const { store } = setup();
		writeFileSync(store.file, "first");
		const a = store.load();
		writeFileSync(store.file, "second");
		const b = store.load();
		expect(a.kind === "set-aside" && b.kind === "set-aside").toBe(true);
		if (a.kind !== "set-aside" || b.kind !== "set-aside") return;
		expect(a.movedTo).not.toBe(b.movedTo);
		expect(readFileSync(a.movedTo, "utf8")).toBe("first");
		expect(readFileSync(b.movedTo, "utf8")).toBe("second");
	});
});
