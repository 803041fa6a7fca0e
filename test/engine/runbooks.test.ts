// 10.5's deployment, rollback, incident and scaling runbooks follow the project model: the people who can answer,
// the environments it has, its severity levels, and the platform's commands with their variables defined.

import { cpSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decisionsOf } from "../../src/engine/output/compose";
import { cleanupTemps, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");

const cache = new Map<string, ReturnType<typeof compose>>();
function section(name: string) {
	if (!cache.has(name)) {
		const dir = path.join(tempDir(), name);
		cpSync(path.join(FIXTURES, name), dir, { recursive: true });
		cache.set(name, compose(dir));
	}
	return cache.get(name)!;
}

/** The text from `### <title> runbook` to the next `### `. */
function runbook(md: string, title: string): string {
	const start = md.indexOf(`### ${title} runbook`);
	expect(start, title).toBeGreaterThanOrEqual(0);
	const next = md.indexOf("\n### ", start + 4);
	return md.slice(start, next < 0 ? undefined : next);
}

function part105(md: string): string {
	return md.slice(md.indexOf("## 10.5"), md.indexOf("## 10.6"));
}

const OPERATIONS = ["Deployment", "Rollback", "Incident response", "Scaling"];

describe("runbooks sized to the team", () => {
	it("a one-volunteer project's runbooks name no role it cannot staff, and say so", () => {
		const md = section("fly-solo-volunteer").markdown;
		const books = OPERATIONS.map((t) => runbook(md, t)).join("\n");
		for (const role of [
			/incident commander/i,
			/engineering manager/i,
			/status page/i,
			/customer liaison/i,
			/secondary on-call/i,
			/scribe/i,
			/release approver/i,
		])
			expect(books, String(role)).not.toMatch(role);
		expect(books).toMatch(/Owner:\*\* the developer/);
		const roles = part105(md).slice(part105(md).indexOf("### Incident severity and roles"));
		expect(roles).toMatch(/no one to staff separate incident roles/);
		expect(roles).not.toMatch(/Incident Commander, Deputy, Scribe/);
	});

	it("a staffed team with a paging tool gets roles, escalation through that tool and the status page", () => {
		const md = section("eks-argo-rejected-ecs").markdown;
		const incident = runbook(md, "Incident response");
		expect(incident).toMatch(/name an incident commander/);
		expect(incident).toMatch(/Acknowledge the PagerDuty page/);
		expect(runbook(md, "Deployment")).toMatch(/through PagerDuty/);
		expect(incident).toMatch(/Status page within 15 minutes/);
	});

	it("a regulated project with a change advisory board asks for the CAB record and keeps the approval as evidence", () => {
		const deploy = runbook(section("full-upstream").markdown, "Deployment");
		expect(deploy).toMatch(/approved change advisory board \(CAB\) record/);
		expect(deploy).toMatch(/audit evidence/);
	});
});

describe("runbooks reference only what the project has", () => {
	it.each(["fly-solo-volunteer", "render-pitr-not-enabled"])(
		"%s has no staging environment, and its runbooks never mention one",
		(name) => {
			const out = section(name);
			expect(decisionsOf(out.state).environments).not.toContain("staging");
			const books = OPERATIONS.map((t) => runbook(out.markdown, t)).join("\n");
			expect(books).not.toMatch(/staging/i);
			expect(runbook(out.markdown, "Deployment")).toMatch(/no pre-production environment/);
		},
	);

	it("monitoring tools are named by their canonical labels, never the input's parenthesised wording", () => {
		const md = section("fly-solo-volunteer").markdown;
		expect(md).not.toMatch(/errors \+ 10% performance sampling/);
		expect(runbook(md, "Deployment")).toMatch(/in Sentry: error rate/);
	});
});

describe("scaling follows what the platform and the data can do", () => {
	it("a single Machine with a SQLite volume scales up, never out, and keeps the size in fly.toml", () => {
		const scaling = runbook(section("fly-solo-volunteer").markdown, "Scaling");
		expect(scaling).toMatch(/flyctl scale vm shared-cpu-2x --app plotbook/);
		expect(scaling).toMatch(/flyctl scale memory \d+ --app plotbook/);
		expect(scaling).toMatch(/\[\[vm\]\]/);
		expect(scaling).not.toMatch(/scale count|autoscaling maximum|Scale out|New .* instances/);
		expect(scaling).toMatch(/\$15 budget/);
	});

	it("an autoscaled platform raises its maximum where the code keeps it", () => {
		const k8s = runbook(section("eks-argo-rejected-ecs").markdown, "Scaling");
		expect(k8s).toMatch(/Scale out: `yq -i '\.spec\.maxReplicas = \d+'.*git commit/);
		expect(k8s).not.toMatch(/autoscaling maximum in the IaC/);
		const aca = runbook(section("aca-bicep").markdown, "Scaling");
		expect(aca).toMatch(/Scale out: `az containerapp update/);
		expect(aca).toMatch(/autoscaling maximum in the IaC/);
	});

	it("a per-request platform raises limits and adds no instances by hand", () => {
		const scaling = runbook(section("lambda-sst").markdown, "Scaling");
		expect(scaling).toMatch(/no instances to add by hand/);
		expect(scaling).not.toMatch(/Scale out/);
	});
});

describe("severity wording comes from the table's rows", () => {
	function rows(md: string): string[] {
		const p = part105(md);
		const start = p.indexOf("| Severity | Criteria |");
		const table = p.slice(start, p.indexOf("\n\n", start));
		return [...table.matchAll(/^\| ([^|]+?) \| (?!---)/gm)].map((m) => m[1]!).filter((l) => l !== "Severity");
	}

	it.each([
		["full-upstream", ["SEV-0", "SEV-1", "SEV-2", "SEV-3", "SEV-4"]],
		["fly-solo-volunteer", ["SEV-1", "SEV-2", "SEV-3"]],
		["eks-argo-rejected-ecs", ["SEV-1", "SEV-2", "SEV-3", "SEV-4"]],
	])("%s: the table has the levels, and every level the runbooks name is a row", (name, levels) => {
		const md = section(name).markdown;
		expect(rows(md)).toEqual(levels);
		const p = part105(md);
		expect(p).toContain(`(${levels[0]} to ${levels[levels.length - 1]})`);
		expect(p).toContain(`Severity runs from ${levels[0]} (most urgent) down to ${levels[levels.length - 1]}`);
		for (const named of p.match(/\bSEV-\d\b/g) ?? []) expect(levels, named).toContain(named);
		expect(md).not.toMatch(/SEV-1 to SEV-5/);
	});
});

describe("rollback commands are complete", () => {
	const names = readdirSync(FIXTURES).sort();

	it.each(names)(
		"%s: every variable the rollback block reads is set in it or named as a prerequisite",
		(name) => {
			const book = runbook(section(name).markdown, "Rollback");
			const block = /```bash\n([\s\S]*?)\n```/.exec(book)?.[1];
			expect(block, "a bash block").toBeDefined();
			const body = block!.replace(/#[^\n"]*$/gm, "");
			const read = new Set([...body.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!));
			const set = new Set([
				...[...body.matchAll(/\b([A-Z][A-Z0-9_]*)=/g)].map((m) => m[1]!),
				...[...body.matchAll(/\bread -r(?: -p "[^"]*")? ([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!),
			]);
			const prerequisites = book.slice(book.indexOf("**Prerequisites.**"), book.indexOf("**Steps.**"));
			const named = new Set([...prerequisites.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
			// Railway's CLI cannot name a deployment to return to: its rollback is the dashboard action.
			const known = name === "harbor-bookings" ? ["PREVIOUS_DEPLOYMENT_ID"] : [];
			// The shell itself sets PWD, HOME and PATH.
			const shell = ["PWD", "HOME", "PATH"];
			const undefinedVars = [...read].filter(
				(v) => !set.has(v) && !named.has(v) && !known.includes(v) && !shell.includes(v),
			);
			expect(undefinedVars).toEqual([]);
		},
	);
});

describe("10.6's failover is run by the people the project has", () => {
	const failover = (md: string) => md.slice(md.indexOf("### Failover procedures"), md.indexOf("**Drills.**"));

	it("a one-volunteer project declares and tells users without roles, channels or a status page it lacks", () => {
		const text = failover(section("fly-solo-volunteer").markdown);
		expect(text).toContain("**Who declares a disaster.** The developer when");
		expect(text).not.toMatch(/incident commander|engineering manager|status page|incident channel/i);
		expect(text).toContain("Tell users through a notice on the site");
	});

	it("a project with a rota keeps the commander, its escalation and the status page", () => {
		const text = failover(section("eks-argo-rejected-ecs").markdown);
		expect(text).toMatch(/\*\*Who declares a disaster\.\*\* The incident commander, with the \w/);
		expect(text).toContain("status page update");
	});
});

describe("the database restore names what the IaC creates, or asks for it", () => {
	const restore = (md: string) => {
		const start = md.indexOf("### Database restore");
		return md.slice(start, md.indexOf("\n### ", start + 4));
	};

	it("every variable of the restore command is the restore time or a listed prerequisite, on every fixture", () => {
		for (const name of readdirSync(FIXTURES)) {
			const text = restore(section(name).markdown);
			const command = /Restore to the time before the damage: `([^`]+)`/.exec(text)?.[1];
			if (!command) continue;
			expect(command, name).not.toMatch(/\brg-prod\b|\bprod-(sql|pg|db)\b/);
			for (const [, v] of command.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g))
				if (v !== "RESTORE_TIME") expect(text, `${name}: ${v}`).toContain(`\`${v}\`:`);
		}
	});
});

describe("the infrastructure code provisions the standby 10.6 relies on, and no other", () => {
	it("a section whose recovery says there is no standby declares none in its IaC, on every fixture", () => {
		let checked = 0;
		for (const name of readdirSync(FIXTURES)) {
			const md = section(name).markdown;
			const iac = md.slice(md.indexOf("## 10.3"), md.indexOf("## 10.4"));
			const standbyInIac = /"REGIONAL"|multi_az\s*=\s*var\.|^\s*high_availability \{/m.test(iac);
			if (md.includes("no standby in the inputs")) {
				checked++;
				expect(standbyInIac, name).toBe(false);
				const production = /^\| Database \| local .*$/m.exec(md)?.[0] ?? "";
				expect(production, name).not.toMatch(/standby (takes over|with|nodes)|Multi-AZ|replicas across/i);
			}
		}
		expect(checked).toBeGreaterThan(3);
	});
});
