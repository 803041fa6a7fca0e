import { afterEach, describe, expect, it } from "vitest";
import { ceremonyFor } from "../../src/engine/decisions/ceremony";
import { bareProject, cleanupTemps, HANDOFF_03 } from "../helpers/project";
import { researched } from "../helpers/state";

afterEach(cleanupTemps);

const HANDOFF_00 = "genesis_output/handoffs/handoff_00_init.json";

function ctxWith(constraints: string) {
	const dir = bareProject({
		[HANDOFF_00]: JSON.stringify({ project: { name: "Shiftboard", constraints } }),
		[HANDOFF_03]: JSON.stringify({
			key_outputs: {
				infrastructure: { backend_hosting: "Render" },
				database_stack: { primary: "PostgreSQL" },
			},
		}),
	});
	return researched(dir).state.context;
}

describe("ceremony sized to the team and budget", () => {
	it("a two-person team with a small budget gets no separate approver, no paging, no paid tools, and is told so", () => {
		const c = ceremonyFor(
			ctxWith("Team: two part-time volunteer developers, no on-call. Budget: $60/month."),
			false,
		);
		expect(c.level).toBe("minimal");
		expect(c.approvalStep("GitHub Actions")).toMatch(/no separate approval step/);
		expect(c.leftOut.join("\n")).toMatch(/a team of 2 cannot staff one/);
		expect(c.leftOut.join("\n")).toMatch(/paging rotation/);
		expect(c.leftOut.join("\n")).toMatch(/\$60 a month/);
	});

	it("a staffed team keeps a production approver and leaves nothing out", () => {
		const c = ceremonyFor(ctxWith("Team: 14 engineers. Budget: $20,000/month."), false);
		expect(c.level).toBe("standard");
		expect(c.leftOut).toEqual([]);
		expect(c.approvalStep("GitHub Actions")).toMatch(/approves the production environment/);
	});

	it("a regulated project keeps separation of duties whatever its size", () => {
		const c = ceremonyFor(ctxWith("Team: two developers."), true);
		expect(c.level).toBe("regulated");
		expect(c.approver).toMatch(/not the author/);
	});
});

describe("incident plan from the on-call inputs", () => {
	const HANDOFF_09 = "genesis_output/handoffs/handoff_09_monitoring_observability.json";
	function planWith(team: string, onCall: unknown) {
		const dir = bareProject({
			[HANDOFF_00]: JSON.stringify({ project: { name: "Shiftboard", constraints: { team } } }),
			[HANDOFF_03]: JSON.stringify({
				key_outputs: {
					infrastructure: { backend_hosting: "Render" },
					database_stack: { primary: "PostgreSQL" },
				},
			}),
			[HANDOFF_09]: JSON.stringify({
				key_outputs: { monitoring_stack: { apm: "Datadog" } },
				on_call: onCall,
			}),
		});
		return ceremonyFor(researched(dir).state.context, false).incident;
	}

	it("one volunteer with no on-call: one responder, no roles, no escalation, said explicitly", () => {
		const p = planWith("1 volunteer developer", "none - best effort by the volunteer");
		expect(p.staffing).toBe("solo");
		expect(p.coverage).toBe("best-effort");
		expect(p.roles).toBeUndefined();
		expect(p.escalation).toEqual([]);
		expect(p.statusPage).toBe(false);
		expect(p.leftOut).toMatch(/no one to staff separate incident roles/);
	});

	it("a staffed team keeps its own escalation chain and working-hours coverage", () => {
		const p = planWith("9 engineers", {
			hours: "Mon-Fri 08:00-18:00; weekends best effort",
			escalation: "on-call -> secondary after 15 min -> head of operations after 30 min",
		});
		expect(p.staffing).toBe("team");
		expect(p.coverage).toBe("business-hours");
		expect(p.escalation).toEqual([
			{ who: "the secondary", afterMinutes: 15 },
			{ who: "the head of operations", afterMinutes: 30 },
		]);
		expect(p.roles?.commander).toMatch(/incident commander/);
	});
});
