// `check` read against the project's inputs: the sections an earlier build wrote (kept in test/fixtures/known-bad)
// fail on the line that is wrong, with the reason; the sections this build writes pass (golden.test.ts).

import { cpSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DURATION_RULES, parseDuration } from "../../src/engine/decisions/duration";
import { type CheckInputs, checkInputsOf, checkSection } from "../../src/engine/output/check";
import { loadProject } from "../../src/engine/output/compose";
import { runCli } from "../helpers/cli";
import { cleanupTemps, EXAMPLE, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const KNOWN_BAD = path.resolve(__dirname, "../fixtures/known-bad");
const FIXTURES = path.resolve(__dirname, "../fixtures/projects");

function projectDir(name: string): string {
	const own = path.join(KNOWN_BAD, name, "project");
	if (existsSync(own)) return own;
	return name === "harbor-bookings" ? EXAMPLE : path.join(FIXTURES, name);
}

function findingsOf(name: string, build = "6ed87f3"): Record<string, string[]> {
	const md = readFileSync(path.join(KNOWN_BAD, name, `section-${build}.md`), "utf8");
	const report = checkSection(md, checkInputsOf(loadProject(projectDir(name)).context));
	expect(report.ok, `${name}: the section an earlier build wrote must fail check`).toBe(false);
	return Object.fromEntries(
		report.results.filter((r) => r.group === "inputs" && !r.passed).map((r) => [r.id, r.detail!.split("\n")]),
	);
}

/** [case, rule, line, reason]: what an on-call engineer of that stack would flag in the old section. */
const KNOWN: [string, string, number, string][] = [
	["d1-gke-flux-mysql", "S2", 601, "uses PostgreSQL tooling on a mysql database"],
	["d2-lambda-dynamodb-sam", "S2", 651, "names Amazon Aurora; the project's database is Amazon DynamoDB"],
	[
		"d3-aca-cosmos-bicep",
		"S2",
		595,
		"names Azure Database for PostgreSQL; the project's database is Azure Cosmos DB",
	],
	["d4-heroku-rails-circleci", "S6", 674, "annual incident-response testing is PCI DSS 12.10.2, not 12.10.1"],
	["d4-heroku-rails-circleci", "S3", 605, "cites a standby the inputs do not provision"],
	["d4-heroku-rails-circleci", "S3", 517, "computes a restore for a data size the inputs do not give"],
	[
		"d5-do-app-platform",
		"S2",
		571,
		"names Heroku Postgres; the project's database is DigitalOcean Managed PostgreSQL",
	],
	["d5-do-app-platform", "S3", 631, "cites a standby the inputs do not provision"],
	["d6-vms-ansible-patroni", "S3", 510, "computes a restore for a data size the inputs do not give"],
	["fly-jenkins", "S4", 291, "the configuration deploys rolling; the prose says canary"],
	["k8s-eks-gitlab", "S3", 594, "cites a replica the inputs do not provision"],
	["vercel-supabase", "S3", 649, "cites point-in-time recovery, which the inputs say is not enabled"],
	["ecs-fargate-pci", "S3", 654, "cites a standby the inputs do not provision"],
	["app-service-soc2", "S2", 576, "uses PostgreSQL tooling on a sqlserver database"],
	["app-service-soc2", "S6", 655, "a compliance claim without a source"],
];

/** [case, rule, line, reason] in the sections the build at ea3a6eb wrote (before recovery read the inputs' backups). */
const KNOWN_EA3A6EB: [string, string, number | undefined, string][] = [
	[
		"d1-gke-flux-mysql",
		"S2",
		878,
		"names a PostgreSQL service; the project's database is Cloud SQL for MySQL",
	],
	["d1-gke-flux-mysql", "S3", 881, "states a backup retention other than the inputs' (30 days)"],
	["d6-vms-ansible-patroni", "S3", 754, "states a backup retention other than the inputs' (28 days)"],
	["d6-vms-ansible-patroni", "S5", undefined, "the paging tool's status is not said: Grafana OnCall OSS is"],
	["d2-lambda-dynamodb-sam", "S5", undefined, "the paging tool's status is not said: Opsgenie is no longer"],
	["d3-aca-cosmos-bicep", "S5", undefined, "the paging tool's status is not said: Opsgenie is no longer"],
];

/** Both lists as [build, case, rule, line, reason]; a finding without a line is about the whole section. */
const ALL_KNOWN: [string, string, string, number | undefined, string][] = [
	...KNOWN.map((k) => ["6ed87f3", ...k] as [string, string, string, number, string]),
	...KNOWN_EA3A6EB.map((k) => ["ea3a6eb", ...k] as [string, string, string, number | undefined, string]),
];

describe("check fails the sections earlier builds wrote, on the right line", () => {
	const cache = new Map<string, Record<string, string[]>>();
	it.each(ALL_KNOWN)("%s %s: %s at line %s", (build, name, rule, line, reason) => {
		const key = `${build}/${name}`;
		if (!cache.has(key)) cache.set(key, findingsOf(name, build));
		const found = cache.get(key)![rule] ?? [];
		const want = line === undefined ? reason : `line ${line}: ${reason}`;
		expect(
			found.some((f) => f.startsWith(want)),
			`${name} ${rule}: expected "${want}" among\n${found.join("\n")}`,
		).toBe(true);
	});
});

describe("genesis-tui check in a project folder", () => {
	it("reads the section against the project's inputs and names the line; without inputs it says only the text ran", () => {
		const dir = path.join(tempDir(), "d1");
		cpSync(path.join(KNOWN_BAD, "d1-gke-flux-mysql", "project"), dir, { recursive: true });
		const bad = path.join(KNOWN_BAD, "d1-gke-flux-mysql", "section-6ed87f3.md");
		const r = runCli(["check", bad], { cwd: dir });
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(/Against the project's inputs\n/);
		expect(r.stdout).toMatch(
			/✖ S2 +Names only the database the project uses[^\n]*\n +line 601: uses PostgreSQL tooling on a mysql database/,
		);
		const bare = runCli(["check", bad], { cwd: tempDir() });
		expect(bare.stdout).toContain("only the text checks ran");
		expect(bare.stdout).not.toContain("Against the project's inputs");
	});
});

const BASE: CheckInputs = {
	platforms: ["cloud-run"],
	cloud: "gcp",
	dbProvider: "cloud-sql",
	dbLabel: "Cloud SQL for PostgreSQL",
	engine: "postgres",
	sizeKnown: false,
	caps: { pitr: "on", standby: undefined, crossRegion: false, replicas: false, multiWriter: false },
	services: [],
	forSection10: [],
};

function detail(md: string, inputs: CheckInputs, id: string): string | undefined {
	return checkSection(md, inputs).results.find((r) => r.id === id)?.detail;
}

describe("the rules read claims, not mentions", () => {
	it("a platform the project does not use fails in a claim and passes where the inputs are quoted", () => {
		const md =
			"## 10.1 Deployment Strategy\n\nDeploy with `fly deploy --strategy canary`.\n\n## Decisions\n\n- Cloud Run over Fly.io: cost (handoff 03)\n";
		expect(detail(md, BASE, "S1")).toMatch(/^line 3: names Fly\.io, which the project does not use/);
		expect(
			detail(md.replace("Deploy with `fly deploy --strategy canary`.", "Deploy."), BASE, "S1"),
		).toBeUndefined();
	});

	it("another cloud's identity fails; the project's own passes", () => {
		const md =
			"## 10.2 CI/CD Pipeline\n\n```yaml\n      - uses: aws-actions/configure-aws-credentials@v4\n```\n";
		expect(detail(md, BASE, "S1")).toMatch(/^line 4: uses a AWS identity/);
		expect(detail(md, { ...BASE, cloud: "aws", platforms: ["ecs"] }, "S1")).toBeUndefined();
	});

	it("a standby is a claim only where it is said to exist", () => {
		const claim = "## 10.6 Disaster Recovery\n\n| Zone loss | fail over to the standby | 1 min |\n";
		expect(detail(claim, BASE, "S3")).toMatch(/^line 3: cites a standby the inputs do not provision/);
		expect(detail(claim, { ...BASE, caps: { ...BASE.caps, standby: true } }, "S3")).toBeUndefined();
		const advice =
			"## 10.6 Disaster Recovery\n\n- Zone loss: add a standby: it roughly doubles the database cost.\n";
		expect(detail(advice, BASE, "S3")).toBeUndefined();
	});

	it("an invented data size fails only when the inputs give none", () => {
		const md = "## 10.6 Disaster Recovery\n\nRTO: restore of ~20 GB 20 min.\n";
		expect(detail(md, BASE, "S3")).toMatch(
			/^line 3: computes a restore for a data size the inputs do not give/,
		);
		expect(detail(md, { ...BASE, sizeKnown: true }, "S3")).toBeUndefined();
	});

	it("a compliance control needs a citation on its line, and the PCI DSS control number must be right", () => {
		const md =
			"## Compliance controls\n\n| PCI DSS v4.0.1 | 12.10.1 | the plan is tested at least every 12 months |\n";
		const d = detail(md, BASE, "S6") ?? "";
		expect(d).toMatch(/line 3: a compliance claim without a source/);
		expect(d).toMatch(/line 3: annual incident-response testing is PCI DSS 12\.10\.2, not 12\.10\.1/);
		const cited =
			"## Compliance controls\n\n| PCI DSS v4.0.1 | 12.10.2 | tested at least once every 12 months [3] |\n";
		expect(detail(cited, BASE, "S6")).toBeUndefined();
	});

	it("the strategy in the configuration must be the one in prose", () => {
		const md =
			'## 10.1 Deployment Strategy\n\n**Strategy: canary** on Fly.io\n\n```toml\n[deploy]\n  strategy = "rolling"\n```\n';
		expect(detail(md, { ...BASE, platforms: ["fly"] }, "S4")).toMatch(
			/^line 7: the configuration deploys rolling; the prose says canary/,
		);
		expect(
			detail(md.replace('"rolling"', '"canary"'), { ...BASE, platforms: ["fly"] }, "S4"),
		).toBeUndefined();
	});

	it("upstream decisions are carried: a service, the feature-flag tool, a for_section_10 item", () => {
		const md = "## 10.1 Deployment Strategy\n\n### Feature flags\n\nTool: **Unleash**.\n";
		const d =
			detail(
				md,
				{
					...BASE,
					services: ["ledger-worker"],
					flagTool: "LaunchDarkly",
					forSection10: ["Keep Opsgenie paging until 2027"],
				},
				"S5",
			) ?? "";
		expect(d).toMatch(/the service ledger-worker is named nowhere/);
		expect(d).toMatch(/line 5: the feature flags use a tool other than LaunchDarkly/);
		expect(d).toMatch(/the for_section_10 item "Keep Opsgenie paging until 2027" is not addressed/);
	});
});

describe("impossible targets are accepted, explained and marked", () => {
	it("the duration parser takes 0 for RTO and RPO only", () => {
		expect(parseDuration("0", DURATION_RULES.rpo)).toEqual({ ok: true, minutes: 0, text: "0s" });
		expect(parseDuration("0s", DURATION_RULES.rto).ok).toBe(true);
		expect(parseDuration("0s", DURATION_RULES.backupFrequency).ok).toBe(false);
	});

	it("RPO 0 reaches the handoff as infeasible, in assumptions and open questions", () => {
		const dir = path.join(tempDir(), "rpo-zero");
		cpSync(EXAMPLE, dir, { recursive: true });
		const out = compose(dir, { rpo: { value: "0s", provenance: "flag" } });
		const infeasible = out.model.warnings.filter((w) => w.infeasible);
		expect(infeasible.map((w) => w.decision)).toContain("rpo");
		expect(out.handoff.assumptions.some((a) => /^Infeasible target/.test(a) && /RPO 0/.test(a))).toBe(true);
		expect(out.handoff.open_questions.some((q) => /recovery point objective cannot be met/.test(q))).toBe(
			true,
		);
		expect(out.markdown).toMatch(/RPO: .*\*\*not met\*\* \(infeasible/);
	});

	it("--yes prints it and --strict refuses it", () => {
		const dir = path.join(tempDir(), "strict-rpo");
		cpSync(EXAMPLE, dir, { recursive: true });
		const yes = runCli(["--yes", "--rpo", "0"], { cwd: dir });
		expect(yes.code).toBe(0);
		expect(yes.stdout + yes.stderr).toMatch(/Infeasible: RPO 0 \(no data loss\) cannot be met/);
		const strict = runCli(["--yes", "--strict", "--force", "--rpo", "0"], { cwd: dir });
		expect(strict.code).toBe(2);
		expect(strict.stderr).toMatch(/--rpo: RPO 0 .*--strict refuses a target that cannot be met/);
	});
});

describe("recovery claims are read against the edition, the backups and the paging tool of the inputs", () => {
	it("a service named for another engine fails; the project's own engine passes", () => {
		const md = "## 10.6 Disaster Recovery\n\n| Database | Cloud SQL for PostgreSQL (Enterprise) |\n";
		const mysql = { ...BASE, engine: "mysql" as const, dbLabel: "Cloud SQL for MySQL" };
		expect(detail(md, mysql, "S2")).toMatch(
			/^line 3: names a PostgreSQL service; the project's database is Cloud SQL for MySQL/,
		);
		expect(detail(md.replace("PostgreSQL", "MySQL"), mysql, "S2")).toBeUndefined();
	});

	it("Cloud SQL switchover is a claim only on Enterprise Plus", () => {
		const md =
			"## 10.6 Disaster Recovery\n\n2. Switch back: `gcloud sql instances switchover $ORIGINAL_PRIMARY`.\n";
		expect(detail(md, { ...BASE, dbPlan: "Enterprise" }, "S3")).toMatch(
			/^line 3: cites Cloud SQL switchover or replica failover, which exist on Enterprise Plus only \(the inputs: Enterprise\)/,
		);
		expect(detail(md, { ...BASE, dbPlan: "Enterprise Plus" }, "S3")).toBeUndefined();
	});

	it("a retention row that differs from the inputs' retention fails on that row", () => {
		const md = "## 10.6 Disaster Recovery\n\n| Retention | as the provider keeps them: 7 days |\n";
		expect(detail(md, { ...BASE, retentionDays: 30 }, "S3")).toMatch(
			/^line 3: states a backup retention other than the inputs' \(30 days\)/,
		);
		expect(detail(md.replace("7 days", "30 retained"), { ...BASE, retentionDays: 30 }, "S3")).toBeUndefined();
		expect(detail(md, BASE, "S3")).toBeUndefined();
	});

	it("a discontinued paging tool must be said to be so, next to its name", () => {
		const inputs = { ...BASE, pagingTool: "Opsgenie", pagingStatus: "Opsgenie is no longer sold" };
		const silent =
			"## 10.5 Operational Runbooks\n\nPages go through Opsgenie.\n\nPut the app in maintenance mode.\n";
		expect(detail(silent, inputs, "S5")).toMatch(
			/the paging tool's status is not said: Opsgenie is no longer sold/,
		);
		const said =
			"## 10.5 Operational Runbooks\n\nPages go through Opsgenie, which Atlassian ends support for on 2027-04-05.\n";
		expect(detail(said, inputs, "S5")).toBeUndefined();
	});
});
