// 10.5's deployment, rollback, incident-response and scaling runbooks, written from the project model: the people
// who can answer (the incident plan), the environments and gates it has, its severity levels, and the platform
// row's deploy, rollback and scaling commands with the variables they need defined.

import { humanDuration } from "../../decisions/duration";
import { usesLocalFileDb } from "../../decisions/rules";
import { ROLLBACK_SCRIPTS, SCALE_UP } from "../../knowledge/runbooks";
import { rowContext } from "./iac-snippet";
import { kubernetesDeploySteps } from "./kubernetes";
import { inlineCode } from "./md";
import type { SectionModel } from "./model";
import { isAnsibleVm } from "./vm/s10-3-vm";

export interface RunbookCommands {
	/** One line before the block: what it does. */
	intro: string;
	lang: string;
	body: string;
}

export interface Runbook {
	id: "deployment" | "rollback" | "incident" | "scaling" | "database-restore";
	title: string;
	owner: string;
	trigger: string;
	prerequisites: string[];
	steps: string[];
	/** Commands shown as a block after the steps (the steps refer to them). */
	commands?: RunbookCommands;
	verification: string[];
	abort: string;
	escalation: string;
	comms: string;
	/** Expected time to complete, shown in the header. */
	duration: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "a, b and c" (or "a, b or c"). */
function list(items: string[], last = "and"): string {
	return items.length <= 1
		? (items[0] ?? "")
		: `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** "the secondary on-call, then the engineering manager" (through the paging tool when there is one). */
function chain(esc: { who: string }[], paging?: string): string {
	const via = paging && !paging.startsWith("the ") ? ` through ${paging}` : "";
	return esc.map((e, i) => (i === 0 ? `${e.who}${via}` : e.who)).join(", then ");
}

/** The canonical monitoring tools the project uses, each once: the one that alerts first. */
export function monitoringTools(m: SectionModel): string[] {
	const mon = m.ctx.model.monitoring;
	const names = [mon.apm, mon.errors, mon.metrics, mon.logging]
		.map((t) => t?.value)
		.filter((t): t is string => Boolean(t));
	return [...new Set([m.alertTool, ...names])];
}

/** The tool that shows CPU, memory and instance counts: the metrics tool, else the one that alerts. */
function metricsTool(m: SectionModel): string {
	return m.ctx.model.monitoring.metrics?.value ?? `${m.platform.name}'s metrics`;
}

/** How many instances serve production, in the words the runbooks need. */
function instanceShape(m: SectionModel): "single" | "per-request" | "autoscaled" | "fixed" {
	if (usesLocalFileDb(m.ctx) && m.platform.localFileDb.support === "single-instance") return "single";
	if (m.platform.scaling.minInstances === 0) return "per-request";
	return m.platform.scaling.autoscales ? "autoscaled" : "fixed";
}

/** The first abort criterion by its name, and how many more there are. */
function abortNamed(m: SectionModel): string {
	const [first, ...rest] = m.abortCriteria;
	const name = first?.split(":")[0] ?? "error rate";
	return rest.length ? `${name} or ${rest.length} more` : name;
}

function has(m: SectionModel, env: string): boolean {
	return m.decisions.environments.includes(env);
}

/** The long-lived environment deployed just before production, if the plan has one (a promotion copies from it). */
function beforeProduction(m: SectionModel): string | undefined {
	const deployed = m.decisions.environments.filter((e) => e !== "development" && e !== "preview");
	return deployed[deployed.indexOf("production") - 1];
}

/** What has to be green before a production deploy, from the environments the project has. */
function readiness(m: SectionModel): string {
	if (has(m, "staging"))
		return `the change is merged and the staging gates of 10.2 passed on the same artifact${has(m, "uat") ? ", and UAT sign-off is recorded" : ""}`;
	if (has(m, "preview"))
		return "the pull request's checks and its preview deployment passed, and it is merged to `main`";
	return "the pull request's checks in 10.2 passed and it is merged to `main` (there is no pre-production environment: the post-deploy window is the first run against production)";
}

function deployment(m: SectionModel): Runbook {
	const { ctx, platform, ceremony } = m;
	const inc = ceremony.incident;
	const svc = ctx.serviceName;
	const post = m.stages.find((s) => s.id === "post-deploy")!;
	const cab = ctx.model.constraints.changeApproval?.value;
	const solo = inc.staffing === "solo";
	const shape = instanceShape(m);
	const announce =
		inc.staffing === "team"
			? ["Announce the release (version, SHA, changes) in the release channel."]
			: inc.staffing === "small"
				? ["Say in the team chat that a release is going out, with its SHA."]
				: [];
	// Kubernetes releases go through the environment repository or kubectl, as its operating mode says.
	const k8s = kubernetesDeploySteps(m, humanDuration(post.minutes));
	return {
		id: "deployment",
		title: "Deployment",
		owner: solo
			? "the developer"
			: ceremony.level === "minimal"
				? "the author of the change"
				: "the deployer",
		trigger: `A change is ready for production: ${readiness(m)}.`,
		prerequisites: [
			ceremony.level === "minimal"
				? `Merge rights on \`main\`; ${m.ci.name} holds the production credentials, so no person needs them to deploy`
				: `Deploy rights on the production environment in ${m.ci.name}`,
			`${list(monitoringTools(m))} open on the service's errors and latency`,
			`No open ${m.severity.majors} incident${ceremony.level === "minimal" ? "" : " and no deploy freeze"}`,
			...(cab ? [`An approved ${cab} record for the change`] : []),
		],
		steps: [
			...announce,
			...(k8s
				? k8s.filter((step) => !/^Announce the release/.test(step))
				: [
						`${ceremony.approvalStep(m.ci.name)} The pipeline deploys with the ${m.decisions.strategy} strategy.`,
						`Watch the deploy step: ${inlineCode(platform.deployCommand(svc, "production", beforeProduction(m)).split(" && ")[0]!)} is what the pipeline runs.`,
						`Watch the post-deploy window (${humanDuration(post.minutes)}) in ${m.alertTool}: error rate, p95 latency and the abort criteria of 10.2.`,
					]),
			...(ceremony.level === "regulated"
				? [
						`Link the approval, the pipeline run and the artifact digest to the change record${cab ? ` approved by the ${cab}` : ""}: they are the audit evidence of this release.`,
					]
				: []),
		],
		verification: [
			shape === "single"
				? `The health check of the one ${platform.name} instance passes and it runs the new version`
				: shape === "per-request"
					? "The production URL answers with the new version (instances start per request)"
					: `The health endpoint returns 200 on every ${platform.name} instance`,
			`Error rate and p95 latency in ${m.alertTool} within 10% of the hour before the deploy`,
			`The ${m.ci.name} run${cab ? " and the change record show" : " shows"} the release as complete`,
		],
		abort: `Any abort criterion of 10.2 fires (${abortNamed(m)}), or the deploy takes twice its usual time: stop and run the rollback runbook.`,
		escalation: solo
			? "There is no one else to call: if neither the fix nor the rollback works within 30 minutes, leave the previous version running and pick it up when rested."
			: `The ${ceremony.level === "minimal" ? "author" : "deployer"} owns the release; unresolved after 15 minutes, call ${chain(inc.escalation, inc.paging)}.`,
		comms: solo
			? `Nothing to announce unless users were affected; then ${inc.userComms}.`
			: inc.statusPage
				? "Release channel at start and end; the status page only if users were affected."
				: `Team chat at start and end; ${inc.userComms} only if users were affected.`,
		duration: `${m.stages.filter((s) => s.id === "deploy-production" || s.id === "post-deploy").reduce((a, s) => a + s.minutes, 0)} minutes`,
	};
}

/** What a shell needs before it runs a playbook the way the deploy job does. */
const ANSIBLE_SHELL_PREREQ =
	"The deploy job's set-up in the shell: the production deploy key in ssh-agent, the hosts' keys of `SSH_KNOWN_HOSTS` in `~/.ssh/known_hosts`, and the production vault password in `.vault-pass` (mode 0600, removed afterwards)";
const ANSIBLE_SHELL_SETUP = `${ANSIBLE_SHELL_PREREQ.replace(/^The deploy job's set-up in the shell: /, "Prepare the shell as the deploy job does: ")}.`;

/** Variables a block of shell lines reads but never sets (`$PREVIOUS_RELEASE`), in order of first use. */
function unsetVariables(lines: string[], named: string): string[] {
	const body = lines.map((l) => l.replace(/\s#[^"']*$/, "")).join("\n");
	const set = new Set([
		...[...body.matchAll(/\b([A-Z][A-Z0-9_]*)=/g)].map((x) => x[1]!),
		...[...body.matchAll(/\bread -r(?: -p "[^"]*")? ([A-Z][A-Z0-9_]*)/g)].map((x) => x[1]!),
	]);
	const read = [...body.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)].map((x) => x[1]!);
	// The shell sets PWD, HOME and PATH itself.
	const shell = new Set(["PWD", "HOME", "PATH"]);
	return [...new Set(read)].filter((v) => !set.has(v) && !shell.has(v) && !named.includes(`\`${v}\``));
}

function rollback(m: SectionModel): Runbook {
	const { ctx, platform, ceremony } = m;
	const inc = ceremony.incident;
	const svc = ctx.serviceName;
	const rc = rowContext(m);
	const script = ROLLBACK_SCRIPTS[platform.id as keyof typeof ROLLBACK_SCRIPTS];
	const lines = script ? script.lines(svc, rc) : [platform.rollback.command(svc)];
	const front = m.frontend
		? (ROLLBACK_SCRIPTS[m.frontend.id as keyof typeof ROLLBACK_SCRIPTS]?.lines(svc, rc) ?? [
				m.frontend.rollback.command(svc),
			])
		: [];
	const shape = instanceShape(m);
	const cite = m.cite([
		...(script?.facts.flatMap((f) => f.sources) ?? []),
		...platform.rollback.facts.flatMap((f) => f.sources),
	]);
	return {
		id: "rollback",
		title: "Rollback",
		owner: inc.responder,
		trigger: `An abort criterion of 10.2 fires during the post-deploy window (${abortNamed(m)}), or a ${m.severity.majors} incident starts within 24 hours of a deploy.`,
		prerequisites: [
			...(script?.needs(svc, rc) ?? [`${platform.name} deploy rights (the on-call role has them)`]).map(cap),
			...(isAnsibleVm(m) ? [ANSIBLE_SHELL_PREREQ] : []),
			...unsetVariables([...lines, ...front], script?.needs(svc, rc).join(" ") ?? "").map(
				(v) =>
					`\`${v}\` set in the shell: ${/PROMOTION/.test(v) ? "the commit that promoted the bad release, from the environment repository's history" : /PREVIOUS|GOOD/.test(v) ? "the last good release's identifier, from the deployment record of 10.1" : /HOSTS?$/.test(v) ? "the production hosts, as the deploy job's host list names them" : "from the platform's console"}`,
			),
			"No migration in the release that cannot run backwards (10.1 expand/contract)",
		],
		steps: [
			inc.staffing === "solo"
				? `Stop further deploys: do not merge to \`main\` until this is done${m.ci.name === "GitHub Actions" ? " (or disable the deploy workflow)" : ""}.`
				: `Say in ${inc.channel} that a rollback is under way, and hold further production deploys in ${m.ci.name} until it is done.`,
			`Roll back with the commands below${script ? ": the first finds the last good release, the next returns to it" : ""}.${cite}`,
			`Console path if the CLI is unavailable: ${platform.rollback.console}.`,
			...(m.frontend
				? [
						`If the ${m.frontend.name} frontend changed in the same release, roll it back too (last commands).`,
					]
				: []),
			"Leave feature flags as they are unless the flag itself caused the failure; then flip its kill switch.",
			"Leave the database as it is: the previous version reads the current schema (expand/contract). Corrupted data goes to the database-restore runbook.",
		],
		commands: {
			intro: `Rollback on ${platform.name}${m.frontend ? ` and ${m.frontend.name}` : ""}:`,
			lang: "bash",
			body: [...lines, ...(front.length ? ["", ...front] : [])].join("\n"),
		},
		verification: [
			shape === "single"
				? `The one instance runs the previous version and its health check passes`
				: `The previous version serves all traffic (${platform.name} shows it as current)`,
			`Error rate back to the pre-deploy baseline in ${m.alertTool} within 10 minutes`,
			"The smoke tests of 10.2 pass against production",
		],
		abort: `If the rollback fails, or errors persist on the previous version, the cause is not the release: treat it as ${m.severity.rows[0]!.level} and run incident response.`,
		escalation:
			inc.escalation.length > 0
				? `${cap(inc.responder)} runs it; if errors persist 15 minutes after the rollback, call ${chain(inc.escalation.slice(0, 1), inc.paging)}${inc.roles ? " and name an incident commander" : ""}.`
				: "The developer runs it alone; if errors persist after the rollback, continue with incident response.",
		comms: inc.statusPage
			? `${cap(inc.channel)} immediately; the status page if users saw the failure for more than 5 minutes.`
			: `${inc.staffing === "solo" ? "Note the rollback in the incident note" : `${cap(inc.channel)} immediately`}; ${inc.userComms} if users saw the failure for more than 5 minutes.`,
		duration: platform.rollback.expectedTime,
	};
}

function incident(m: SectionModel): Runbook {
	const { ctx, platform, db, ceremony } = m;
	const inc = ceremony.incident;
	const sev = m.severity;
	const shape = instanceShape(m);
	const alerts = ctx.model.alerts.filter((a) => !/^(warning|info|low|sev[3-9]|p[3-9])$/i.test(a.severity));
	const named = (alerts.length ? alerts : ctx.model.alerts).slice(0, 3).map((a) => a.name);
	const mitigations = [
		"flip the kill switch of the failing feature",
		shape === "single"
			? "give the one instance more memory or CPU (scaling runbook)"
			: shape === "per-request"
				? `raise ${platform.name}'s ${platform.id === "cloud-run" ? "maximum instances" : "concurrency limits"} (scaling runbook)`
				: "add capacity (scaling runbook)",
		m.recovery.caps.standby || m.recovery.caps.replicas
			? "fail over the database (10.6)"
			: "restore data (database-restore runbook) only when data is damaged",
	];
	const first = sev.rows[0]!.level;
	const team = inc.staffing === "team";
	return {
		id: "incident",
		title: "Incident response",
		owner: inc.responder,
		trigger: `${named.length ? `An alert from Section 9 (${list(named)})` : "An error-rate, latency or availability alert"} reaches ${inc.responder} through ${inc.paging}, or a user reports a problem.`,
		prerequisites: [
			`Access to ${list([...monitoringTools(m), platform.name, db.name])}`,
			...(team ? ["The incident channel template and the status page login"] : []),
		],
		steps: [
			team
				? `Acknowledge the ${inc.paging.startsWith("the ") ? "page" : `${inc.paging} page`} within the response time of the table below and open ${inc.channel}.`
				: inc.staffing === "small"
					? `Acknowledge in ${inc.channel} so the others know someone has it (${inc.coverage === "24/7" ? "any hour" : "in working hours; outside them best effort"}).`
					: `Look at the alert when it arrives (best effort: there is no on-call) and start ${inc.channel} with the time.`,
			`Set the severity from the table below (${sev.range}); when unsure, pick the more urgent one.`,
			...(inc.roles
				? [`For ${sev.majors} name ${list([inc.roles.commander, inc.roles.scribe, inc.roles.comms])}.`]
				: []),
			"If a deploy happened in the last 24 hours, roll back first (rollback runbook), then investigate.",
			`Mitigate as the evidence suggests: ${list(mitigations, "or")}.`,
			team
				? "Record every action with its time in the incident document."
				: "Write down each action with its time; it becomes the review.",
			`Resolve when the alert has been clear for 30 minutes; for ${sev.majors} write ${inc.review}.`,
		],
		verification: [
			"The triggering alert is resolved and stays resolved for 30 minutes",
			`The main user journeys work again${shape === "per-request" ? "" : shape === "single" ? " on the one instance" : ` on every ${platform.name} instance`}`,
		],
		abort: team
			? "Hand over explicitly at shift end or when the commander needs relief; the incident document is the hand-over."
			: inc.staffing === "small"
				? "Hand over in the incident thread when you stop; the written actions are the hand-over."
				: "If it cannot be fixed tonight, leave the service in its safest state (previous version, or maintenance page) and say so to users.",
		escalation: team
			? `Unacknowledged page: ${list(inc.escalation.map((e) => `${e.who} after ${e.afterMinutes} minutes`))}; a ${first} informs leadership within 30 minutes.`
			: inc.escalation.length
				? `Call ${inc.escalation[0]!.who} when it is ${sev.majors} or you are stuck after ${inc.escalation[0]!.afterMinutes} minutes.`
				: "No escalation path: the developer is the only responder (see the roles below).",
		comms: inc.statusPage
			? `Status page within 15 minutes for ${first}${sev.rows[1]?.major ? ` and 30 minutes for ${sev.rows[1].level}` : ""}, then every 30 minutes; affected customers directly when their data is involved.`
			: `${cap(inc.userComms)} for ${sev.majors}; an update when it is resolved.`,
		duration: team
			? `until resolved; postmortem reviewed within 3 calendar days (${first}) or 5 business days (${sev.rows[1]?.level ?? first})`
			: "until resolved; the review within a week",
	};
}

function scaling(m: SectionModel): Runbook {
	const { ctx, platform, db, ceremony } = m;
	const inc = ceremony.incident;
	const svc = ctx.serviceName;
	const rc = rowContext(m);
	const shape = instanceShape(m);
	const up = SCALE_UP[platform.id as keyof typeof SCALE_UP];
	const store = ctx.model.dataStores.find((d) => d.role === "primary");
	const budget = ctx.model.constraints.budgetMonthlyUsd?.value;
	const sqlite = db.id === "sqlite";
	const dbStep = sqlite
		? "If the database is the bottleneck: SQLite has a single writer, so the fix is the bigger instance above (more memory for its page cache), faster queries or fewer writes; there is no second instance or replica to add."
		: store?.replicas.some((r) => r.kind === "read")
			? `If the database is the bottleneck: move read traffic to the read replica the stack already has, or scale ${db.name} vertically in a maintenance window; check the connection pool against the new instance count.`
			: `If the database is the bottleneck: scale ${db.name} vertically in a maintenance window and check the connection pool against the new instance count. A read replica is not provisioned; adding one is a decision with its own monthly cost.`;
	const cost = budget
		? `Check the new size's monthly price against the $${budget.toLocaleString("en-US")} budget before keeping it.`
		: "Tell the cost owner when the new size will stay beyond a week.";
	const shapeSteps: Record<
		ReturnType<typeof instanceShape>,
		{ trigger: string; steps: string[]; verify: string; abort: string }
	> = {
		single: {
			trigger: `CPU or memory of the one ${platform.name} instance above 80% for 15 minutes in ${metricsTool(m)}, out-of-memory restarts, or a planned event expected to double the peak.`,
			steps: [
				`Check which resource is saturated (CPU, memory, disk of the volume). The service runs on exactly one instance because the database file lives on its volume: it scales up (a bigger instance), never out.`,
				up
					? `Scale up with the commands below; then ${up.keep}.${m.cite(up.facts.flatMap((f) => f.sources))}`
					: `Give the instance a larger size in the IaC and apply it; the instance restarts once.`,
				"Expect a short interruption while the one instance restarts: do it outside busy hours unless it is already failing.",
			],
			verify: "The instance is healthy on its new size and serves traffic",
			abort:
				"If the bigger instance does not bring latency down within 10 minutes, the bottleneck is elsewhere (a slow query, a lock): treat it as an incident.",
		},
		"per-request": {
			trigger: `Throttled or rejected requests, cold-start latency, or concurrency near the limit in ${metricsTool(m)}, or a planned event expected to double the peak.`,
			steps: [
				`Check the limit that is hit (${platform.scaling.metric}); ${platform.name} starts instances per request, so there are no instances to add by hand.`,
				`Raise the limit: ${inlineCode(platform.scaling.command(svc, rc))}`,
				...(platform.scaling.after ? [platform.scaling.after(svc, rc)] : []),
				"Make the same change in the IaC and merge it, so the next apply does not undo it.",
			],
			verify: "No throttled requests, and p95 latency back within its SLO",
			abort:
				"If raising the limit does not reduce latency within 10 minutes, the bottleneck is downstream (usually the database): treat it as an incident.",
		},
		autoscaled: {
			trigger: `Instance count at the autoscaling maximum with latency rising, a saturation alert in ${metricsTool(m)}, or a planned event expected to double the peak.`,
			steps: [
				`Check the metric that is saturating (${platform.scaling.metric}).`,
				`Scale out: ${inlineCode(platform.scaling.command(svc, rc))}`,
				// A command that already commits the new maximum to the repository needs no second step.
				...(/\bgit commit\b/.test(platform.scaling.command(svc, rc))
					? []
					: [
							"Raise the autoscaling maximum in the IaC and merge it, so the next apply does not undo the change.",
						]),
			],
			verify: `New ${platform.name} instances are healthy and receive traffic`,
			abort:
				"If scaling out does not reduce latency within 10 minutes, the bottleneck is elsewhere: treat it as an incident.",
		},
		fixed: {
			trigger: `CPU or memory above 80% for 15 minutes on the instances in ${metricsTool(m)}, or a planned event expected to double the peak.`,
			steps: [
				`Check the metric that is saturating (${platform.scaling.metric}); ${platform.name} does not add instances on its own here.`,
				// The playbooks address hosts through the inventory: the new host is in it before `site.yml` runs.
				...(isAnsibleVm(m)
					? [
							ANSIBLE_SHELL_SETUP,
							`Add the new host to its site's app group in \`inventories/production/hosts.yml\` and its public host key to \`SSH_KNOWN_HOSTS\` (and \`~/.ssh/known_hosts\`), and merge the inventory change, so \`site.yml\`, the balancer's backend and the next playbook run include it.`,
							`Scale out: ${inlineCode(platform.scaling.command(svc, rc))}`,
						]
					: [
							`Scale out: ${inlineCode(platform.scaling.command(svc, rc))}`,
							"Record the new count in the IaC, and scale back down by hand when the peak is over.",
						]),
			],
			verify: `New ${platform.name} instances are healthy and receive traffic`,
			abort:
				"If more instances do not reduce latency within 10 minutes, the bottleneck is elsewhere: treat it as an incident.",
		},
	};
	const s = shapeSteps[shape];
	return {
		id: "scaling",
		title: "Scaling",
		owner: inc.responder,
		trigger: s.trigger,
		prerequisites: [
			`${platform.name} rights to change ${shape === "single" ? "the instance size" : shape === "per-request" ? "the service's limits" : "instance counts"}`,
			"Current capacity figures from 10.3",
			...(sqlite ? [] : [`${db.name} connection limits`]),
		],
		steps: [...s.steps, dbStep, cost],
		...(shape === "single" && up
			? {
					commands: {
						intro: `Scale up on ${platform.name}:`,
						lang: "bash",
						body: up.lines(svc, rc).join("\n"),
					},
				}
			: {}),
		verification: [
			`Latency and error rate back within their SLOs in ${metricsTool(m)}`,
			s.verify,
			...(sqlite ? [] : [`${db.name} connections below 80% of the limit`]),
		],
		abort: s.abort,
		escalation:
			inc.staffing === "solo"
				? "The developer scales reactively; for a planned event, the day before."
				: `${cap(inc.responder)} scales ${platform.name} reactively; planned events are scaled by the service owner a day ahead.`,
		comms:
			inc.staffing === "solo"
				? "None; note the new size in the repository."
				: inc.staffing === "small"
					? "Team chat; the size change noted in the IaC pull request."
					: "Team channel, and the incident channel when scaling mitigates an incident; the size change noted in the IaC pull request.",
		duration: shape === "single" ? "5–10 minutes, including one restart" : "5–15 minutes",
	};
}

export function operationsRunbooks(m: SectionModel): Runbook[] {
	return [deployment(m), rollback(m), incident(m), scaling(m)];
}
