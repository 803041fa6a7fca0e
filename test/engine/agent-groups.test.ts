// The live agent groups: listeners (the session lock, which writes a file) hear once per turn of the event loop.
import { afterEach, describe, expect, it } from "vitest";
import {
	type AgentGroup,
	addAgentGroup,
	onAgentGroupsChange,
	removeAgentGroup,
} from "../../src/engine/research/agent-groups";

const tick = () => new Promise((r) => setImmediate(r));
const added: number[] = [];
afterEach(() => {
	for (const pid of added.splice(0)) removeAgentGroup(pid);
});

describe("agent groups", () => {
	it("agents started together are recorded in one notification, with every group in it", async () => {
		const heard: AgentGroup[][] = [];
		const off = onAgentGroupsChange((groups) => heard.push(groups));
		// Pids no process has here: nothing is ever signalled.
		for (const pid of [2_000_001, 2_000_002, 2_000_003]) {
			addAgentGroup({ pid, command: "/bin/agent", name: "agent" });
			added.push(pid);
		}
		expect(heard).toEqual([]);
		await tick();
		expect(heard).toHaveLength(1);
		expect(heard[0]!.map((g) => g.pid)).toEqual([2_000_001, 2_000_002, 2_000_003]);
		removeAgentGroup(2_000_002);
		await tick();
		expect(heard).toHaveLength(2);
		expect(heard[1]!.map((g) => g.pid)).toEqual([2_000_001, 2_000_003]);
		off();
	});
});
