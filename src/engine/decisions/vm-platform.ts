// The VM platform row written for this project's servers: with a configuration tool and no containers, releases are
// artefacts under systemd rolled out by a playbook behind the project's balancer; with containers, Docker Compose.

import type { ProjectContext } from "../inputs/context";
import type { HostsModel } from "../inputs/model";
import { slug } from "../inputs/resolve-util";
import { type LangId, languagesOf } from "../knowledge/pipelines";
import { PLATFORMS, type PlatformFacts, type StrategyMechanism } from "../knowledge/platforms";
import type { SourceId } from "../knowledge/sources";
import {
	ANSIBLE_FACTS,
	BALANCERS,
	type BalancerId,
	type ConfigToolId,
	type HostProviderId,
	runsContainers,
	vmLabel,
} from "../knowledge/vms";

/** What the deploy of a VM project rests on, from the project model (defaults said where the inputs are silent). */
export interface VmProfile {
	app: string;
	tool?: ConfigToolId;
	/** Containers in production: as the inputs say; unsaid, none when a config tool is named, Compose otherwise. */
	containers: boolean;
	balancer?: BalancerId;
	kind?: "dedicated" | "cloud";
	provider?: HostProviderId;
	sites: HostsModel["sites"];
	store?: string;
	twoPools: boolean;
	lang: LangId;
	/** The health path of the framework (`/actuator/health/readiness`). */
	health: string;
	/** The systemd units of the long-running services. */
	units: string[];
	/** Whether the release runs schema migrations before the rollout. */
	migrations: boolean;
}

const cache = new WeakMap<ProjectContext, VmProfile>();

export function vmProfile(ctx: ProjectContext): VmProfile {
	const hit = cache.get(ctx);
	if (hit) return hit;
	const hosts: HostsModel = ctx.model.hosts ?? { sites: [] };
	const fallback = { python: "python", go: "go", java: "java", dotnet: "dotnet", ruby: "ruby" } as const;
	const stated = ctx.model.languages.map((l) => `${l.name} ${l.version ?? ""}`).join("; ");
	const main = languagesOf(
		stated || ctx.stack.backendRuntime || ctx.stack.backendFramework,
		false,
		fallback[ctx.stack.language as keyof typeof fallback] ?? "node",
	)[0]!;
	const app = ctx.serviceName;
	const long = ctx.model.services.filter(
		(s) =>
			!s.preDeploy && s.kind !== "static" && s.kind !== "cron" && s.kind !== "job" && s.kind !== "function",
	);
	const profile: VmProfile = {
		app,
		tool: hosts.configTool?.value,
		containers: runsContainers(hosts),
		balancer: hosts.balancer?.value,
		kind: hosts.serverKind?.value,
		provider: hosts.provider?.value,
		sites: hosts.sites,
		store: hosts.artefactStore?.value,
		twoPools: hosts.twoPools?.value === true,
		lang: main.toolchain.id,
		health: main.toolchain.health,
		units: long.length ? long.map((s) => slug(s.name)) : [app],
		migrations: ctx.model.dataStores.some(
			(d) => d.role === "primary" && /postgres|mysql|mariadb|sql server/i.test(d.engine),
		),
	};
	cache.set(ctx, profile);
	return profile;
}

/** "Hetzner dedicated servers (systemd services behind HAProxy)". */
export function vmName(p: VmProfile): string {
	return vmLabel(p);
}

/** Where the release lives on a host, and the symlink the units run from. */
export function releasePaths(p: VmProfile): { root: string; current: string } {
	return { root: `/opt/${p.app}/releases`, current: `/opt/${p.app}/current` };
}

/** The file the build job produces and Ansible ships: a JAR, a static binary or a release tarball. */
export function artefactFile(p: VmProfile): string {
	if (p.lang === "java") return `${p.app}.jar`;
	if (p.lang === "go") return p.app;
	return `${p.app}.tar.gz`;
}

/** The file the deploy job writes the environment's vault password to; every playbook run reads it. */
export const VAULT_PASS_FILE = ".vault-pass";

/**
 * An ansible-playbook run against one environment, as the deploy job runs it: every playbook reads the inventory's
 * vault-encrypted group_vars, so each run carries the vault password file; `deploy.yml` also needs the release and,
 * without an artefact store, the path of the artefact the build job made.
 */
export function playbookCommand(
	p: VmProfile,
	env: string,
	release: string,
	playbook: "deploy.yml" | "site.yml" | "balancer.yml" = "deploy.yml",
): string {
	const vars =
		playbook === "deploy.yml"
			? ` -e release=${release}${p.store ? "" : ` -e artefact="$PWD/${artefactFile(p)}"`}`
			: "";
	return `ansible-playbook -i inventories/${env} ${playbook}${vars} --vault-password-file ${VAULT_PASS_FILE}`;
}

function siteOrder(p: VmProfile): string {
	return p.sites.length > 1 ? ` per site, ${p.sites.map((s) => s.name.toUpperCase()).join(" then ")}` : "";
}

function ansibleRow(base: PlatformFacts, p: VmProfile): PlatformFacts {
	const lb = p.balancer ? BALANCERS[p.balancer] : undefined;
	const lbName = lb?.name ?? "the load balancer";
	const { root, current } = releasePaths(p);
	const rollingFacts = [
		ANSIBLE_FACTS.serial,
		ANSIBLE_FACTS.maxFail,
		...(lb?.facts ?? []),
		ANSIBLE_FACTS.systemd,
		ANSIBLE_FACTS.uri,
	];
	const strategies: Partial<Record<"rolling" | "blue-green" | "recreate", StrategyMechanism>> = {
		rolling: {
			summary: `an Ansible play with \`serial: 1\` and \`max_fail_percentage: 0\`${siteOrder(p)}: each host leaves ${lbName}, switches \`current\` to the new release, restarts its systemd unit, passes ${p.health} and rejoins before the next host starts`,
			steps: [
				`${lbName}: ${lb ? lb.drain : "the host is taken out of the pool before its restart and put back after the health check"}`,
				`the release directory \`${root}/<release>\` is unpacked and \`${current}\` is switched to it; the unit restarts with \`ansible.builtin.systemd_service\``,
				`\`ansible.builtin.uri\` polls ${p.health} until it answers 200; a host that does not stops the rollout (\`max_fail_percentage: 0\`) with every other host still on the old release`,
			],
			facts: rollingFacts,
		},
		recreate: {
			summary: "every host stops, switches `current` and starts together: one short outage per deploy",
			steps: ["stop the unit on all hosts", "switch `current`", "start and health-check"],
			facts: [ANSIBLE_FACTS.systemd, ANSIBLE_FACTS.symlink],
		},
	};
	if (p.twoPools)
		strategies["blue-green"] = {
			summary: `two pools of servers (blue and green) behind ${lbName}: the idle pool gets the release with the same playbook, and the balancer's backend switches to it after its health checks pass`,
			steps: [
				"run the playbook against the idle pool only (`--limit`)",
				`check ${p.health} on every host of the idle pool`,
				`switch ${lbName}'s active backend; the other pool stays on the previous release for switch-back`,
			],
			facts: [ANSIBLE_FACTS.serial, ...(lb?.facts ?? [])],
		};
	const sources = [
		...new Set<SourceId>([
			"ansible-serial",
			"vm-ansible-error-handling",
			"vm-ansible-systemd",
			"vm-ansible-uri",
			"vm-ansible-file",
			"vm-ansible-vault",
			...(lb?.facts.flatMap((f) => f.sources) ?? []),
		]),
	];
	return {
		...base,
		name: vmName(p),
		ciToken: "DEPLOY_SSH_KEY",
		registry: {
			name: p.store
				? `${p.store} (release artefacts; no container registry)`
				: "none: the deploy job hands the release artefact to Ansible, which copies it to each host",
			pulls: "none",
			facts: [],
		},
		secrets: {
			store:
				"Ansible Vault-encrypted variables in the inventory (`inventories/<environment>/group_vars/all/vault.yml`)",
			how: `the playbook decrypts them with the vault password the deploy job holds and writes \`/etc/${p.app}/${p.app}.env\` (mode 0600, owned by the service user), which the systemd unit reads with \`EnvironmentFile=\``,
			facts: [ANSIBLE_FACTS.vault],
		},
		strategies,
		defaultStrategy: "rolling",
		progressive: undefined,
		deployCommand: (_svc, env) => playbookCommand(p, env, '"$GIT_SHA"'),
		migrate: p.migrations
			? {
					how: `once per release, before any host changes: the first play of \`deploy.yml\` runs the new release's migrations on the first application host; the services start with migrations off, and every migration is expand/contract so the hosts still on the previous release keep working`,
					command: (_svc, env) => `${playbookCommand(p, env, '"$GIT_SHA"')} --tags migrate`,
					facts: [],
				}
			: undefined,
		rollback: {
			command: () =>
				`${playbookCommand(p, "production", '"$PREVIOUS_RELEASE"')}   # ${p.store ? "" : `${artefactFile(p)} is the artefact of the previous release, from its pipeline; `}same drain and serial: 1; current points back at the previous release directory`,
			console: `on one host, after draining it: \`ln -sfn ${root}/$PREVIOUS_RELEASE ${current} && systemctl restart ${p.units[0]}\``,
			expectedTime:
				"2–3 minutes per host (drain, restart, health check), one host at a time; the previous release is still on disk",
			expectedMinutes: 10,
			facts: [ANSIBLE_FACTS.symlink, ANSIBLE_FACTS.serial],
		},
		health: ANSIBLE_FACTS.uri,
		scaling: {
			metric: `CPU, memory and request latency per application host; capacity is a host count in the inventory behind ${lbName}`,
			autoscales: false,
			minInstances: 2,
			command: () =>
				`${playbookCommand(p, "production", "", "site.yml")} --limit "$NEW_HOST" && ${playbookCommand(p, "production", "", "balancer.yml")}${p.balancer === "haproxy" || p.balancer === "nginx" ? "" : "   # or add the host to the balancer by hand"}`,
			facts: [],
		},
		preview: "none: pull requests are verified in CI",
		caveats: [],
		sources,
	};
}

/** Compose on the project's own servers: the commands the pipeline and the runbooks run on each host. */
function composeRow(base: PlatformFacts, p: VmProfile): PlatformFacts {
	const script = `/srv/${p.app}/scripts`;
	return {
		...base,
		name: vmName(p),
		deployCommand: (_svc, env) =>
			`for host in $${env.toUpperCase()}_HOSTS; do ssh "deploy@$host" "${script}/release.sh $GIT_SHA"; done   # after each host has loaded the image file`,
		rollback: {
			...base.rollback,
			command: () =>
				`for host in $PRODUCTION_HOSTS; do ssh "deploy@$host" ${script}/switch-upstream.sh previous; done   # the previous colour is still running`,
			console: `or start the previous image again on each host (it is still loaded): \`ssh "deploy@$host" "${script}/release.sh $PREVIOUS_SHA"\``,
		},
	};
}

const rows = new WeakMap<ProjectContext, PlatformFacts>();

/** The VM row for this project: the shared row renamed for its balancer, or the Ansible rollout without containers. */
export function vmPlatform(ctx: ProjectContext): PlatformFacts {
	const hit = rows.get(ctx);
	if (hit) return hit;
	const p = vmProfile(ctx);
	const base = PLATFORMS.vm;
	const row =
		!p.containers && p.tool === "ansible"
			? ansibleRow(base, p)
			: p.containers
				? composeRow(base, p)
				: { ...base, name: vmName(p) };
	rows.set(ctx, row);
	return row;
}
