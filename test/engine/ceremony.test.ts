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
