// Recovery from the mechanisms each stack has: the inputs' backup schedule and retention, failover and failback with
// the stack's own commands, residency for the off-site copy, the SLA's budget in time, the paging tool's status, and
// infeasible targets that travel to the CLI and the handoff.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scheduleIntervalMinutes } from "../../src/engine/inputs/resolve-data-stores";
import { checkInputsOf, checkSection } from "../../src/engine/output/check";
import { loadProject } from "../../src/engine/output/compose";
import { runCli } from "../helpers/cli";
import { cleanupTemps, HANDOFF_03, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");

function copy(name: string): string {
	const dir = path.join(tempDir(), name);
	cpSync(path.join(FIXTURES, name), dir, { recursive: true });
	return dir;
}

/** The lines of a `###` part of the section. */
function part(md: string, heading: string): string {
	const start = md.indexOf(`### ${heading}`);
	expect(start, `no "### ${heading}"`).toBeGreaterThan(-1);
	const end = md.indexOf("\n## ", start);
	const next = md.indexOf("\n### ", start + 4);
	return md.slice(start, Math.min(next === -1 ? md.length : next, end === -1 ? md.length : end));
}

function passesCheck(dir: string, md: string) {
	const report = checkSection(md, checkInputsOf(loadProject(dir).context));
	const failed = report.results.filter((r) => r.group === "inputs" && !r.passed);
	expect(failed.map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
}

describe("backup schedules as the inputs write them", () => {
	it.each([
		["hourly", 60],
		["every 6 hours", 360],
		["daily at 03:00 UTC", 1440],
		["full Sun 01:00, diff daily 01:00", 1440],
		["full Sun 01:00", 10080],
		["weekly", 10080],
		["0 3 * * *", 1440],
	])("%s is every %i minutes", (schedule, minutes) => {
		expect(scheduleIntervalMinutes(schedule)).toBe(minutes);
	});
});

describe("Cloud SQL for MySQL, Enterprise, with a cross-region read replica", () => {
	const dir = copy("cloudsql-mysql-replica");
	const out = compose(dir);
	const md = out.markdown;

	it("names the engine's service and reads the backups of the inputs", () => {
		expect(md).toContain("| Database | Cloud SQL for MySQL (Enterprise) |");
		expect(md).not.toMatch(/Cloud SQL for PostgreSQL/);
		expect(md).toMatch(/\| Snapshots \| daily at 02:00 UTC \(the inputs' schedule\) \|/);
		expect(md).toMatch(
			/\| Retention \| backups: 14 retained, as the inputs set it; point-in-time window 7 days \|/,
		);
	});

	it("fails over with promote-replica and fails back with a new replica, never with Enterprise Plus switchover", () => {
		const fo = part(md, "Failover procedures");
		expect(fo).toContain("`gcloud sql instances promote-replica tally-mysql-dr`");
		expect(fo).toContain(
			"`gcloud sql instances create $NEW_PRIMARY --master-instance-name=tally-mysql-dr --region=us-central1`",
		);
		expect(fo).not.toMatch(/gcloud sql instances switchover|--failover`/);
		expect(fo).toMatch(/exist only on Cloud SQL Enterprise Plus/);
	});

	it("keeps the off-site copy in the recovery region, inside the residency rule, and states the budget in minutes", () => {
		expect(md).toMatch(
			/\| Off-site copy \| a nightly `mysqldump --single-transaction` copied to object storage in a separate account in us-east1 \(inside the US residency rule\)/,
		);
		expect(md).toMatch(/a 99\.9% monthly SLA allows 43\.8 min of downtime in an average month/);
		expect(md).toMatch(/The inputs set a budget of USD 9,000 a month/);
		passesCheck(dir, md);
	});
});

describe("a backup-and-restore RPO follows the project's schedule", () => {
	it("hourly backups without point-in-time recovery lose up to an hour; the retention is the input's", () => {
		const dir = copy("cloudsql-mysql-replica");
		const file = path.join(dir, HANDOFF_03);
		const h03 = JSON.parse(readFileSync(file, "utf8"));
		h03.key_outputs.database_stack.backups = "automated hourly, 48 retained; point-in-time recovery OFF";
		writeFileSync(file, JSON.stringify(h03));
		const md = compose(dir).markdown;
		expect(md).toMatch(
			/\| Logical error or bad migration \| restore of the latest backup \(point-in-time recovery is not enabled\) \| about 1 hour \(time since the last backup, at most the 1 h interval\)/,
		);
		expect(md).toMatch(/\| Retention \| backups: 48 retained \(about 2 days\), as the inputs set it/);
	});
});

describe("Patroni with one pgBackRest repository, two sites and Grafana OnCall OSS", () => {
	const dir = copy("patroni-pgbackrest");
	const out = compose(dir);
	const md = out.markdown;

	it("fails over within the site through Patroni and names the quorum the site failover needs", () => {
		expect(md).toMatch(/\| Instance loss \| Patroni promotes the synchronous standby pg-nbg-2 automatically/);
		const fo = part(md, "Failover procedures");
		expect(fo).toContain("`patronictl -c /etc/patroni/patroni.yml failover --candidate pg-hel-1 --force`");
		expect(fo).toContain("2 of the 3 DCS (etcd) members are in nbg1: losing nbg1 loses the quorum");
		expect(fo).toContain("`patronictl -c /etc/patroni/patroni.yml switchover --candidate pg-nbg-2 --force`");
		expect(md).toMatch(/put a third etcd member at a third site/);
	});

	it("adds a second pgBackRest repository at another EU site and reads archive_timeout and retention", () => {
		expect(md).toMatch(
			/a second pgBackRest repository \(`repo2`\) on object storage in a separate account in hel1 \(inside the EU residency rule\)[^|]*\(the backups sit in nbg1 today\)/,
		);
		expect(md).toMatch(
			/\| Logical error or bad migration \|[^|]*\| about 2 minutes \(log shipping interval 2 min\)/,
		);
		expect(md).toMatch(/repo1-retention-full=2 \(about 14 days\)/);
	});

	it("gives the 99.5% budget in hours and says the paging tool is archived, with the date and the migration", () => {
		expect(md).toMatch(
			/allows 3 h 39 min of downtime in an average month of 30\.44 days \(3 h 36 min in a 30-day window\)/,
		);
		expect(md).toMatch(
			/Pages go through Grafana OnCall OSS, which is in maintenance mode from 2025-03-11 and archived on 2026-03-24[^\n]*Recommended: move paging to Grafana Cloud IRM/,
		);
		expect(out.handoff.open_questions.some((q) => /Which pager replaces Grafana OnCall OSS/.test(q))).toBe(
			true,
		);
		expect(md).toMatch(/budget of EUR 3,000 a month/);
		passesCheck(dir, md);
	});
});

describe("Azure SQL with an auto-failover group", () => {
	const dir = copy("azure-sql-failover-group");
	const md = compose(dir).markdown;

	it("forces the group over from the secondary and fails back with a planned failover; copies off-site with BACPAC", () => {
		const fo = part(md, "Failover procedures");
		expect(fo).toMatch(/grace period, which is at least 1 hour/);
		expect(fo).toContain(
			"`az sql failover-group set-primary --name $FAILOVER_GROUP --resource-group $RG --server $SECONDARY_SERVER --allow-data-loss`",
		);
		expect(fo).toContain("read-write listener");
		expect(fo).toContain(
			"`az sql failover-group set-primary --name $FAILOVER_GROUP --resource-group $RG --server $PRIMARY_SERVER`",
		);
		expect(md).toMatch(
			/\| Off-site copy \| a nightly BACPAC export[^|]*in northeurope \(inside the EU residency rule\)/,
		);
		expect(md).not.toMatch(/pg_dump|mysqldump/);
		passesCheck(dir, md);
	});
});

describe("DynamoDB global tables and Opsgenie", () => {
	const dir = copy("dynamodb-global-tables");
	const md = compose(dir).markdown;

	it("routes writes to the replica Region (nothing to promote) and keeps the RPO above 0", () => {
		const fo = part(md, "Failover procedures");
		expect(fo).toMatch(/Every replica of a global table accepts writes, so there is nothing to promote/);
		expect(fo).not.toMatch(/Promote the/);
		expect(fo).toMatch(/so the RPO is not 0/);
		expect(fo).toContain("`ReplicationLatency`");
	});

	it("says Opsgenie's end of support with the date", () => {
		expect(md).toMatch(
			/Pages go through Opsgenie, which is no longer sold since 2025-06-04; Atlassian ends its support on 2027-04-05/,
		);
		passesCheck(dir, md);
	});
});

describe("every infeasible class travels: section, handoff, --yes and --strict", () => {
	const CASES: [string, string, string[], RegExp][] = [
		[
			"RPO 0 on a single-writer store with asynchronous replication",
			"cloudsql-mysql-replica",
			["--rpo", "0"],
			/RPO 0 \(no data loss\) cannot be met on Cloud SQL for MySQL/,
		],
		[
			"an RTO shorter than the restore",
			"cloudsql-mysql-replica",
			["--rto", "30m"],
			/RTO 30 minutes cannot be met: recovering from a logical error on Cloud SQL for MySQL takes about 2\.6 hours \(detection and decision 15 min \+ restore of 120 GB/,
		],
		[
			"active-active on a single writer",
			"patroni-pgbackrest",
			["--rto", "2m"],
			/call for active-active, but self-managed PostgreSQL accepts writes in one place only/,
		],
	];

	it.each(CASES)("%s", (_label, fixture, flags, message) => {
		const dir = copy(fixture);
		const preset =
			flags[0] === "--rpo"
				? { rpo: { value: `${flags[1]}s`, provenance: "flag" as const } }
				: { rto: { value: flags[1]!, provenance: "flag" as const } };
		const out = compose(dir, preset);
		const w = out.model.warnings.filter((x) => x.infeasible);
		expect(w.some((x) => message.test(x.message))).toBe(true);
		expect(out.handoff.assumptions.some((a) => /^Infeasible target/.test(a) && message.test(a))).toBe(true);
		expect(out.handoff.open_questions.some((q) => /objective cannot be met as decided/.test(q))).toBe(true);
		expect(out.markdown).not.toMatch(/active-active[^|\n]*\(this plan\)|this plan is \*\*active-active\*\*/);
		const yes = runCli(["--yes", ...flags], { cwd: dir });
		expect(yes.code).toBe(0);
		expect(yes.stdout + yes.stderr).toMatch(/Infeasible: /);
		const strict = runCli(["--yes", "--strict", "--force", ...flags], { cwd: dir });
		expect(strict.code).toBe(2);
		expect(strict.stderr).toMatch(/--strict refuses a target that cannot be met/);
	});
});

describe("replication and failover groups described beside the primary", () => {
	it("a failover group in its own field is the primary's secondary region; a postponed replication is none", () => {
		const dir = copy("azure-sql-failover-group");
		const file = path.join(dir, HANDOFF_03);
		const h03 = JSON.parse(readFileSync(file, "utf8"));
		const primary = h03.key_outputs.database_stack.primary;
		delete primary.read_regions;
		primary.region = "westeurope";
		primary.backups = { pitr_retention_days: 21 };
		h03.key_outputs.database_stack.geo = {
			feature: "auto-failover group pallet-fog",
			secondary: "sql-pallet-neu (North Europe)",
		};
		h03.key_outputs.database_stack.replication = { tool: "Litestream", status: "NOT enabled - postponed" };
		writeFileSync(file, JSON.stringify(h03));
		const md = compose(dir).markdown;
		expect(md).toMatch(/\| Region loss \| fail the auto-failover group over to northeurope/);
		expect(md).toMatch(/\| Retention \| backups: 21 days, as the inputs set it/);
		const store = loadProject(dir).context.model.dataStores[0]!;
		expect(store.replicas).toEqual([{ kind: "geo", region: "northeurope" }]);
		expect(store.notEnabled).toContain("replication");
	});
});
