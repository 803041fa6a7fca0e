// ECS on Fargate: one cluster name, one task-definition family and one network configuration across the pipeline,
// the runbooks and 10.6; the migration task runs the digest the build produced; a database restore names the
// instance the IaC creates (or asks for it).

import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemps, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");

const cache = new Map<string, string>();
function section(name: string): string {
	if (!cache.has(name)) {
		const dir = path.join(tempDir(), name);
		cpSync(path.join(FIXTURES, name), dir, { recursive: true });
		cache.set(name, compose(dir).markdown);
	}
	return cache.get(name)!;
}

const all = (md: string, re: RegExp) => [...md.matchAll(re)].map((x) => x[1]!);

/** The text of one GitHub Actions job, from its key to the next top-level job. */
function job(md: string, id: string): string {
	const start = md.indexOf(`\n  ${id}:\n`);
	expect(start, id).toBeGreaterThanOrEqual(0);
	const next = md.slice(start + 1).search(/\n {2}[a-z][\w-]*:\n|\n```/);
	return md.slice(start, next < 0 ? undefined : start + 1 + next);
}

describe.each(["ecs-fargate-pci", "forty-gates"])("%s on ECS", (name) => {
	const md = () => section(name);

	it("runs the migration task from the build job's digest, with a network configuration from listed variables", () => {
		const deploy = job(md(), "deploy-production");
		const consumed = all(deploy, /^ {6}(IMAGE_\w+): \$\{\{ needs\.build\.outputs\.\1 \}\}$/gm);
		const used = all(deploy, /--arg img "\$(\w+)"/g);
		expect(used.length).toBeGreaterThan(1);
		for (const v of used) expect(consumed, v).toContain(v);
		const nets = all(md(), /--network-configuration "([^"]+)"/g);
		expect(nets.length).toBeGreaterThan(1);
		for (const n of nets)
			expect(n).toMatch(/^awsvpcConfiguration=\{subnets=\[\$(\w+)\],securityGroups=\[\$(\w+)\]/);
		const vars = [...new Set(nets.flatMap((n) => all(n, /\$(\w+)/g)))];
		for (const v of vars) {
			expect(deploy, v).toContain(`      ${v}: \${{ vars.${v} }}`);
			expect(md(), `${v} is listed in 10.2`).toMatch(new RegExp(`\`${v}\` \\(`));
		}
		expect(md()).not.toMatch(/\$(MIGRATE_NETWORK|ECS_NETWORK_CONFIG)\b|_MIGRATE"/);
	});

	it("names one production cluster and the family the pipeline registers, with no undefined revision", () => {
		const deploy = job(md(), "deploy-production");
		const [cluster] = all(deploy, /--cluster (\S+)/g);
		const production = all(md(), /--cluster (\S+)/g).filter((c) => !/staging|uat/.test(c));
		expect(new Set(production)).toEqual(new Set([cluster]));
		for (const c of all(md(), /--resource-id service\/([^/\s]+)\//g)) expect(c).toBe(cluster);
		const families = all(deploy, /describe-task-definition --task-definition (\S+)/g);
		const prefixes = all(md(), /--family-prefix (\S+)/g);
		expect(prefixes.length).toBeGreaterThan(0);
		for (const f of prefixes) expect(families).toContain(f);
		expect(md()).not.toMatch(/\$(PREVIOUS_)?REVISION\b/);
	});
});

describe("database restore", () => {
	it.each([
		[
			"ecs-fargate-pci",
			/identifier {14}= "([\w-]+)-\$\{var\.environment\}"/,
			/--source-db-instance-identifier (\S+)/,
		],
		[
			"k8s-eks-gitlab",
			/cluster_identifier {6}= "([\w-]+)-\$\{var\.environment\}"/,
			/--source-db-cluster-identifier (\S+)/,
		],
		["cloud-run-gcp", /name {13}= "([\w-]+)-\$\{var\.environment\}"/, /gcloud sql instances clone (\S+)/],
	])("%s restores the instance its IaC names", (name, iac, restore) => {
		const md = section(name);
		const base = md.match(iac)?.[1];
		expect(base, "IaC names the database").toBeTruthy();
		expect(md.match(restore)?.[1]).toBe(`${base}-production`);
	});

	it("asks for the instance when the IaC does not name it (SST)", () => {
		const md = section("lambda-sst");
		expect(md).toMatch(/--source-db-instance-identifier \$DB_INSTANCE /);
		expect(md).toMatch(/`DB_INSTANCE`: /);
		expect(md).not.toMatch(/prod-db\b/);
	});
});
