// Servers the project runs itself: with Ansible and no containers the section ships the stack's own artefact with a
// rolling playbook behind the project's balancer; with containers it keeps the Compose path.

import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { vmPlatform } from "../../src/engine/decisions/vm-platform";
import { missingPlatformFacts } from "../../src/engine/knowledge/platforms";
import { SOURCES } from "../../src/engine/knowledge/sources";
import { bareProject, cleanupTemps, HANDOFF_03, tempDir } from "../helpers/project";
import { compose } from "../helpers/state";
import { codeBlocks, validateBlock } from "../quality/code-validators";

afterAll(cleanupTemps);

const FIXTURES = path.resolve(__dirname, "../fixtures/projects");

function fixture(name: string): string {
	const dir = path.join(tempDir(), name);
	cpSync(path.join(FIXTURES, name), dir, { recursive: true });
	return dir;
}

type Task = Record<string, unknown>;
interface Play {
	name: string;
	hosts: string;
	serial?: number;
	max_fail_percentage?: number;
	tags?: string[];
	pre_tasks?: Task[];
	tasks: Task[];
	post_tasks?: Task[];
}

const moduleOf = (t: Task) => Object.keys(t).find((k) => k.includes("."));

/** A project on its own servers, deployed by Ansible without containers, from handoff 03 alone. */
function serversProject(name: string, runtime: string, hosting: string, ci: string) {
	const h03 = {
		section_number: 3,
		project_name: name,
		key_outputs: {
			backend_stack: { runtime },
			database_stack: { primary: "PostgreSQL 16 (self-hosted)" },
			infrastructure: { hosting, ci_cd: ci, containerization: "none" },
		},
	};
	return compose(bareProject({ [HANDOFF_03]: JSON.stringify(h03) }));
}

/** The section from 10.1 to 10.4: what the operator runs (the inputs block quotes rejected options verbatim). */
const body = (md: string) => md.slice(md.indexOf("## 10.1"), md.indexOf("## 10.5"));

function playbookOf(md: string): Play[] {
	const block = codeBlocks(md).find((b) => b.lang === "yaml" && /^\s*serial:/m.test(b.body));
	expect(block, "a YAML block with a rolling play").toBeDefined();
	return parse(block!.body) as Play[];
}

describe("Hetzner dedicated servers, Ansible, HAProxy, Patroni, GitLab CI, no containers", () => {
	const out = compose(fixture("vm-ansible-patroni-gitlab"));
	const md = out.markdown;

	it("rolls out per site with serial 1 and max_fail_percentage 0: drain in HAProxy, restart the unit, wait for health, back in", () => {
		const plays = playbookOf(md);
		const rolling = plays.filter((p) => p.serial !== undefined);
		expect(rolling.map((p) => p.hosts)).toEqual(["app_fsn1", "app_nbg1"]);
		for (const p of rolling) {
			expect(p.serial).toBe(1);
			expect(p.max_fail_percentage).toBe(0);
			expect(p.pre_tasks?.[0]?.["community.general.haproxy"]).toMatchObject({
				state: "disabled",
				drain: true,
			});
			const mods = p.tasks.map(moduleOf);
			const restart = mods.indexOf("ansible.builtin.systemd_service");
			expect(restart).toBeGreaterThan(mods.indexOf("ansible.builtin.file"));
			expect(mods.indexOf("ansible.builtin.uri")).toBeGreaterThan(restart);
			expect(p.post_tasks?.[0]?.["community.general.haproxy"]).toMatchObject({
				state: "enabled",
				wait: true,
			});
		}
		// Migrations run once, before the first host leaves the pool.
		expect(plays[0]!.tags).toContain("migrate");
		expect(plays[0]!.serial).toBeUndefined();
	});

	it("writes no container image, registry, Kubernetes or cloud secrets manager", () => {
		const text = body(md);
		expect(text).not.toMatch(
			/\bdocker\b|docker compose|kubectl|\bhelm\b|ghcr\.io|container registry login|cosign/i,
		);
		expect(text).not.toMatch(/Secrets Manager|Key Vault|Secret Manager|aws_|google_|azurerm_/);
		expect(text).toMatch(/No container image and no registry/);
	});

	it("builds the stack's artefact once and deploys it with the playbook from the GitLab pipeline", () => {
		const gitlab = codeBlocks(md).find((b) => b.file === ".gitlab-ci.yml");
		expect(gitlab).toBeDefined();
		const ci = parse(gitlab!.body) as Record<string, { script?: string[]; artifacts?: { paths: string[] } }>;
		expect(ci.build?.artifacts?.paths).toEqual(["lindqvist-archiv.tar.gz"]);
		const deploy = (ci["deploy-production"]?.script ?? []).join("\n");
		expect(deploy).toMatch(/ansible-playbook -i inventories\/production deploy\.yml -e release="\$GIT_SHA"/);
		expect(deploy).toMatch(/--vault-password-file/);
	});

	it("rolls back by re-running the playbook with the previous release, and keeps migrations expand/contract", () => {
		const runbook = md.slice(md.indexOf("### Rollback runbook"), md.indexOf("### Incident response runbook"));
		expect(runbook).toMatch(/deploy\.yml -e release="\$PREVIOUS_RELEASE"/);
		expect(runbook).toMatch(/expand\/contract/);
		expect(md).not.toMatch(/switch-upstream|IMAGE_TAG/);
	});

	it("takes Ansible as the infrastructure code, with the servers ordered by hand and Vault for secrets", () => {
		expect(out.handoff.key_outputs.iac_tool).toBe("Ansible");
		const infra = md.slice(md.indexOf("## 10.3"), md.indexOf("## 10.4"));
		expect(infra).toMatch(/Robot/);
		expect(infra).toMatch(/Ansible Vault/);
		expect(infra).toMatch(/add it to the site's app group in the inventory/);
		expect(infra).toMatch(/balancer\.yml/);
	});

	it("every code block passes its parser", async () => {
		for (const b of codeBlocks(md))
			expect(await validateBlock(b), `${b.lang} block at line ${b.line}`).toBeUndefined();
	});

	it("writes a platform row that carries every fact with a known source, and says where the host facts came from", () => {
		expect(missingPlatformFacts(vmPlatform(out.state.context), SOURCES)).toEqual([]);
		expect(md).toMatch(
			/\| Configuration tool \| Ansible \| handoff 03 key\\_outputs\.infrastructure\.ci\\_cd \|/,
		);
		expect(md).toMatch(/\| Containers in production \| none \|/);
		expect(md).toMatch(/Add the new host to its site's app group in `inventories\/production\/hosts\.yml`/);
	});

	const deployScript = () => {
		const gitlab = codeBlocks(md).find((b) => b.file === ".gitlab-ci.yml")!;
		const ci = parse(gitlab.body) as Record<string, { script?: string[] }>;
		return ci["deploy-production"]?.script ?? [];
	};

	it("checks the hosts' keys in CI from SSH_KNOWN_HOSTS, listed with the environment's variables, before any playbook runs", () => {
		const script = deployScript();
		const known = script.findIndex((l) => /"\$SSH_KNOWN_HOSTS" >> ~\/\.ssh\/known_hosts/.test(l));
		expect(known).toBeGreaterThanOrEqual(0);
		expect(known).toBeLessThan(script.findIndex((l) => l.startsWith("ansible-playbook")));
		expect(md).not.toMatch(/StrictHostKeyChecking|HOST_KEY_CHECKING|ssh-keyscan/);
		expect(md).toMatch(/variables of the production environment: DEPLOY_SSH_KEY, SSH_KNOWN_HOSTS/);
	});

	it("pins ansible-core to the inputs' 2.17 and the collection to a version range", () => {
		const script = deployScript();
		expect(script).toContain('pip install --quiet "ansible-core>=2.17,<2.18"');
		expect(script).toContain("ansible-galaxy collection install 'community.general:>=10.0.0,<11.0.0'");
		expect(script.join("\n")).not.toMatch(/install (--quiet )?ansible-core$|install community\.general$/m);
	});

	it("runs every ansible-playbook command of the section as the deploy job does: artefact and vault password file", () => {
		const job = deployScript().find((l) => l.startsWith("ansible-playbook"))!;
		expect(job).toMatch(/-e artefact="\$PWD\/lindqvist-archiv\.tar\.gz" --vault-password-file \.vault-pass$/);
		const commands = [...md.matchAll(/ansible-playbook -i inventories\/production [^`\n]*/g)].map(
			(x) => x[0],
		);
		expect(commands.length).toBeGreaterThan(4);
		for (const c of commands) {
			for (const run of c.split(" && ")) expect(run, run).toMatch(/--vault-password-file \.vault-pass/);
			if (/deploy\.yml/.test(c)) expect(c, c).toMatch(/-e artefact="\$PWD\/lindqvist-archiv\.tar\.gz"/);
		}
		expect(md).toMatch(
			/deploy\.yml -e release="\$GIT_SHA" -e artefact=\S+ --vault-password-file \.vault-pass --tags migrate/,
		);
	});

	it("gives GitLab's own supply-chain advice, not GitHub Actions': image digests, include refs, protected variables", () => {
		const deploy = md.slice(md.indexOf("### Deploy stage"), md.indexOf("### Post-deploy validation"));
		expect(deploy).toMatch(/`include:` of another project to a `ref:`/);
		expect(deploy).toMatch(/protected and masked variables/);
		expect(md).not.toMatch(/third-party action|pipeline token is read-only|actions\/setup-python/);
	});

	it("adds a new host to the inventory before the scaling runbook runs site.yml on it", () => {
		const runbook = md.slice(md.indexOf("### Scaling runbook"));
		const add = runbook.indexOf("Add the new host to its site's app group");
		const run = runbook.indexOf('site.yml --vault-password-file .vault-pass --limit "$NEW_HOST"');
		expect(add).toBeGreaterThan(0);
		expect(run).toBeGreaterThan(add);
	});
});

describe("two pools of servers behind HAProxy", () => {
	const out = serversProject(
		"Two Pools",
		"Java 21",
		"Dedicated servers in two pools (blue and green) behind HAProxy",
		"Jenkins, Ansible for deployment",
	);

	it("offers blue-green between the pools, and no container path", () => {
		const row = vmPlatform(out.state.context);
		expect(row.strategies["blue-green"]?.summary).toMatch(
			/two pools of servers \(blue and green\) behind HAProxy/,
		);
		expect(out.markdown).toMatch(/\*\*blue-green\*\*/);
		expect(out.markdown).not.toMatch(/Compose project/);
	});
});

describe("own servers behind nginx, a Go service, no provider in the knowledge base", () => {
	const out = serversProject(
		"Fjord Ledger",
		"Go 1.23",
		"Our own dedicated servers behind nginx",
		"GitHub Actions, Ansible for deployment",
	);
	const md = out.markdown;

	it("drains through the nginx upstream and copies the Go binary from the deploy job", () => {
		const rolling = playbookOf(md).filter((p) => p.serial === 1);
		expect(rolling.map((p) => p.hosts)).toEqual(["app"]);
		const drain = rolling[0]!.pre_tasks ?? [];
		expect(drain.map(moduleOf)).toEqual(["ansible.builtin.replace", "ansible.builtin.systemd_service"]);
		expect(rolling[0]!.tasks.map(moduleOf)).toContain("ansible.builtin.copy");
		expect(md).toMatch(/CGO_ENABLED=0 go build -trimpath -o fjord-ledger \./);
	});

	it("says the servers are provisioned by hand, with no cloud provider's resources", () => {
		const infra = md.slice(md.indexOf("## 10.3"), md.indexOf("## 10.4"));
		expect(infra).toMatch(/provisioned by hand/);
		expect(infra).not.toMatch(/```hcl/);
	});

	it("every code block passes its parser", async () => {
		for (const b of codeBlocks(md))
			expect(await validateBlock(b), `${b.lang} block at line ${b.line}`).toBeUndefined();
	});
});

describe("a VM project that runs containers", () => {
	const out = compose(fixture("vm-hipaa"));
	const md = out.markdown;

	it("keeps the Docker Compose path behind the proxy the inputs name", () => {
		expect(md).toMatch(/Hetzner virtual machines \(Docker Compose behind Caddy\)/);
		expect(md).toMatch(/two Compose projects \(blue and green\)/);
		expect(md).not.toMatch(/max_fail_percentage|community\.general\.haproxy|ansible-playbook/);
		// The image is built once and travels as a file to each host, which loads it: no registry to log in to.
		expect(md).toMatch(/docker save "meridian-clinics:\$GIT_SHA" \| gzip > meridian-clinics-image\.tar\.gz/);
		expect(md).toMatch(/gunzip -c \/tmp\/meridian-clinics-image\.tar\.gz \| docker load/);
		expect(missingPlatformFacts(vmPlatform(out.state.context), SOURCES)).toEqual([]);
	});
});
