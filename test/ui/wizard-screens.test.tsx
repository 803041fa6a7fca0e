import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { researchLayout } from "../../src/ui/layout";
import { KEY, renderWizard, toDecisions } from "../helpers/ink";
import { cleanupTemps, exampleProject, OUT_HANDOFF, OUT_SECTION } from "../helpers/project";

afterEach(cleanupTemps);

describe("pre-flight screen", () => {
	it("lists every input with what was learned and the keys", async () => {
		const w = renderWizard(exampleProject());
		const f = await w.waitFor("Enter start research");
		expect(f).toContain("✔ Technology stack (handoff 03)");
		expect(f).toContain("Vercel + Railway, GitHub Actions, PostgreSQL 16");
		expect(f).toContain("✔ Monitoring & observability (handoff 09)");
		expect(f).toContain("q quit");
		w.unmount();
	});

	it("announces an existing Section 10 output", async () => {
		const w = renderWizard(exampleProject({ [OUT_SECTION]: "# old\n" }));
		expect(await w.waitFor("exists: replaced only if you confirm")).toContain(OUT_SECTION);
		w.unmount();
	});

	it("q quits with 130", async () => {
		const w = renderWizard(exampleProject());
		await w.waitFor("Enter start research");
		await w.press("q");
		expect(w.quits).toEqual([130]);
		w.unmount();
	});
});

describe("research screen", () => {
	it("shows the three panels with agent, backend, state and output, then continues", async () => {
		const w = renderWizard(exampleProject());
		await w.waitFor("Enter start research");
		await w.press(KEY.enter);
		const f = await w.waitFor("All three research tasks are done");
		for (const t of ["Deployment Strategies", "Infrastructure as Code", "CI/CD Pipelines"])
			expect(f).toContain(t);
		// Status, time and lines first (they change), then the backend and the agent.
		expect(f).toMatch(/done · \d+s · 16 lines · built-in · genesis-researcher/);
		expect(f).toContain("Recommendation: rolling");
		// Focus moves with Tab; the focused panel is the open one in the stacked layout.
		await w.press(KEY.tab);
		expect(await w.waitFor("Recommendation: Terraform")).not.toContain("Recommendation: rolling");
		// Scrolling back reaches the first lines of the focused panel.
		await w.press(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up);
		expect(await w.waitFor("↑5 back")).toContain("Cloud: none (PaaS)");

		await w.press("f");
		expect(await w.waitFor("f all panels")).toContain("Infrastructure as Code");
		w.unmount();
	});

	it("lays panels side by side from 110 columns, stacked below, and never fills the last row", () => {
		expect(researchLayout(160, 48, false).mode).toBe("side");
		expect(researchLayout(80, 24, false).mode).toBe("stacked");
		expect(researchLayout(60, 20, true).mode).toBe("expanded");
		// Stacked at 80x24: header, 3 panels' chrome, body, status, footer within 23 rows.
		const l = researchLayout(80, 24, false);
		expect(1 + 3 * 4 + l.bodyHeight + 2).toBeLessThanOrEqual(23);
	});
});

describe("decision screens", () => {
	it("shows the recommendation first with its rationale and source; arrows and Enter choose", async () => {
		const w = renderWizard(exampleProject());
		await toDecisions(w);
		await w.press(KEY.enter); // strategy: rolling (the only native choice on Railway)
		const f = await w.waitFor("Decision 2 of 7 · Infrastructure as code");
		expect(f).toContain("❯ Terraform (recommended)");
		expect(f).toContain("Source: HashiCorp");
		await w.press(KEY.down);
		expect(await w.waitFor("❯ OpenTofu")).toContain("open-source licensed");
		await w.press(KEY.enter);
		await w.waitFor("Decision 3 of 7");
		expect(w.controller.state.overrides.iac).toEqual({ value: "opentofu", provenance: "user" });
		await w.press(KEY.escape);
		await w.waitFor("Decision 2 of 7");
		w.unmount();
	});

	it("environments: space toggles; production cannot be dropped", async () => {
		const w = renderWizard(exampleProject());
		await toDecisions(w);
		await w.press(KEY.enter, KEY.enter, KEY.enter);
		await w.waitFor("Decision 4 of 7 · Environments");
		await w.press(KEY.down, KEY.space);
		expect(await w.waitFor("◉ preview")).toContain("◉ preview");
		await w.press(KEY.down, KEY.down, KEY.down, KEY.space, KEY.enter);
		expect(await w.waitFor("must include production")).toContain("Decision 4 of 7");
		await w.press(KEY.space, KEY.enter);
		await w.waitFor("Decision 5 of 7");
		expect(w.controller.state.overrides.environments?.value).toBe("development,preview,staging,production");
		w.unmount();
	});

	it("durations: typing replaces the default, bad input is refused with a hint, warnings appear where they arise", async () => {
		const w = renderWizard(exampleProject());
		await toDecisions(w);
		await w.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
		await w.waitFor("Decision 5 of 7 · Recovery time objective");
		await w.press("s", "o", "o", "n", KEY.enter);
		expect(await w.waitFor("is not a duration")).toContain("> soon");
		await w.press(KEY.ctrlU, "4", "h", KEY.enter);
		await w.waitFor("Decision 6 of 7");
		await w.press("1", "5", "m");
		// An impossible target is shown as infeasible before it is confirmed.
		expect(await w.waitFor("Infeasible: RPO 15 minutes cannot be met on Railway")).toContain("⚠");
		w.unmount();
	});

	it("the review lists an infeasible target first and calls it infeasible", async () => {
		const w = renderWizard(exampleProject());
		await toDecisions(w);
		await w.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
		await w.waitFor("Decision 6 of 7");
		await w.press(KEY.ctrlU, "1", "5", "m", KEY.enter);
		await w.waitFor("Decision 7 of 7");
		await w.press(KEY.enter);
		await w.waitFor("Question 1 of");
		for (let i = 0; i < w.controller.state.questions.length; i++) await w.press(KEY.tab);
		const review = await w.waitFor("w write");
		expect(review).toContain("Infeasible: RPO 15 minutes");
		w.unmount();
	});
});

describe("questions, review and write", () => {
	it("answers and skips questions, reviews, and writes both files", async () => {
		const dir = exampleProject();
		const w = renderWizard(dir);
		await toDecisions(w);
		for (let i = 0; i < 7; i++) await w.press(KEY.enter);
		const q = await w.waitFor("Question 1 of");
		expect(q).toContain("from Section 3 (technology stack)");
		await w.press(..."Not before launch".split(""), KEY.enter);
		await w.waitFor("Question 2 of");
		const total = w.controller.state.questions.length;
		for (let i = 1; i < total; i++) await w.press(KEY.tab);
		const review = await w.waitFor("w write");
		expect(review).toMatch(/Deployment strategy: rolling +RECOMMENDED/);
		expect(review).toContain("Section outline");
		expect(review).toContain("1 answered");
		await w.press("w");
		expect(w.quits).toEqual([0]);
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(true);
		const h = JSON.parse(readFileSync(path.join(dir, OUT_HANDOFF), "utf8"));
		expect(h.decisions_made.join("\n")).toContain("Not before launch");
		w.unmount();
	});

	it("Ctrl+C anywhere quits with 130 and writes nothing", async () => {
		const dir = exampleProject();
		const w = renderWizard(dir);
		await toDecisions(w);
		await w.press(KEY.ctrlC);
		expect(w.quits).toEqual([130]);
		expect(existsSync(path.join(dir, OUT_SECTION))).toBe(false);
		w.unmount();
	});
});
