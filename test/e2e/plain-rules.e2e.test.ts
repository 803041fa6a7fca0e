// --plain with platform rules: every listed choice is flagged with its reason before the prompt; under --strict a
// refused value is not accepted, the reason is printed and the same decision is asked again.

import { afterEach, describe, expect, it } from "vitest";
import { cleanupTemps, flySqliteProject } from "../helpers/project";
import { PKEY, startPty, typeKeys } from "../helpers/pty";

afterEach(cleanupTemps);

const flySqlite = flySqliteProject;

/** The text as a reader hears it: no line wrapping, one space between words. */
const flat = (s: string) => s.replace(/\s+/g, " ");

describe("--plain: platform rules", () => {
	it("--strict: blue-green on Fly.io with a volume is flagged in the list, refused when typed, and rolling is taken", async () => {
		const s = startPty(["--plain", "--strict"], { cwd: flySqlite(), cols: 200, rows: 60 });
		await s.waitFor("Press Enter to start research");
		s.type(PKEY.enter);
		await s.waitFor("decision 1 of 7");
		await s.waitFor("Number [1]");
		const listed = flat(s.raw());
		expect(listed).toMatch(
			/\d\. blue-green — .*? Platform rule \(not accepted under --strict\): Fly\.io cannot run a blue-green deployment on a service with a volume/,
		);
		const blueGreen = /(\d)\. blue-green — /.exec(listed)![1]!;
		await typeKeys(s, [blueGreen, PKEY.enter]);
		await s.waitFor("choose another value");
		expect(flat(s.raw())).toMatch(/Not accepted: Platform rule: Fly\.io cannot run a blue-green deployment/);
		// The same decision is asked again; the recommendation (rolling) is accepted.
		expect(flat(s.raw()).match(/decision 1 of 7/g)!.length).toBe(2);
		await typeKeys(s, ["1", PKEY.enter]);
		await s.waitFor("decision 2 of 7");
		await typeKeys(s, ["q", PKEY.enter]);
		const { exitCode } = await s.exit;
		expect(exitCode).toBe(130);
	}, 60_000);

	it("without --strict: the warning is shown and the value taken", async () => {
		const s = startPty(["--plain"], { cwd: flySqlite(), cols: 200, rows: 60 });
		await s.waitFor("Press Enter to start research");
		s.type(PKEY.enter);
		await s.waitFor("Number [1]");
		const listed = flat(s.raw());
		expect(listed).toMatch(
			/Platform rule: Fly\.io cannot run a blue-green deployment on a service with a volume/,
		);
		expect(listed).not.toMatch(/not accepted under --strict/);
		const blueGreen = /(\d)\. blue-green — /.exec(listed)![1]!;
		await typeKeys(s, [blueGreen, PKEY.enter]);
		await s.waitFor("decision 2 of 7");
		expect(flat(s.raw())).not.toMatch(/Not accepted/);
		await typeKeys(s, ["q", PKEY.enter]);
		await s.exit;
	}, 60_000);
});
