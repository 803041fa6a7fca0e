// 10.5 Operational Runbooks: deployment, rollback, incident response, scaling and database restore, each complete.

import { humanDuration } from "../../decisions/duration";
import { INCIDENT_FACTS, pagingStatus, RUNBOOK_FACTS, SEVERITIES } from "../../knowledge/operations";
import { rowContext } from "./iac-snippet";
import { kubernetesDeploySteps } from "./kubernetes";
import { bullets, code, inlineCode, join, numbered, table } from "./md";
import type { SectionModel } from "./model";
import { isAnsibleVm } from "./vm/s10-3-vm";

export interface Runbook {
	id: "deployment" | "rollback" | "incident" | "scaling" | "database-restore";
	title: string;
	trigger: string;
	prerequisites: string[];
	steps: string[];
	verification: string[];
	abort: string;
	escalation: string;
	comms: string;
	/** Expected time to complete, shown in the header. */
	duration: string;
}

function restoreDuration(m: SectionModel): string {
	const logical = m.recovery.modes.find((r) => r.mode === "logical")!;
	return logical.rto.minutes !== undefined
		? `about ${humanDuration(logical.rto.minutes)} (${logical.rto.arithmetic})`
		: `unknown until the data size is known; minutes: ${logical.rto.arithmetic}`;
}

export function runbooks(m: SectionModel): Runbook[] {
	const { ctx, platform, db } = m;
	const svc = ctx.serviceName;
	const rollbackCmd = platform.rollback.command(svc);
	return [
		{
			id: "deployment",
			title: "Deployment",
			trigger: `A merged change is ready for production: the staging gates of 10.2 are green and the release approver is available.`,
			prerequisites: [
				`Deploy rights on the production environment in ${m.ci.name}`,
				`Access to ${m.alertTool} dashboards`,
				"No open SEV-1/SEV-2 and no deploy freeze",
			],
			steps: kubernetesDeploySteps(
				m,
				humanDuration(m.stages.find((s) => s.id === "post-deploy")!.minutes),
			) ?? [
				"Announce the release (version, SHA, changes) in the release channel.",
				`Approve the production environment in ${m.ci.name}; the pipeline deploys with ${m.decisions.strategy}.`,
				`Watch the deploy: ${inlineCode(platform.deployCommand(svc, "production").split(" && ")[0]!)} is what the pipeline runs.`,
				`Follow the post-deploy window (${humanDuration(m.stages.find((s) => s.id === "post-deploy")!.minutes)}) on the dashboards.`,
			],
			verification: [
				"Health endpoint returns 200 on every instance",
				`Error rate and p95 latency in ${m.alertTool} within 10% of the previous hour`,
				"The deployment record shows success",
			],
			abort: `Any abort criterion of 10.2 fires, or the deploy exceeds twice its usual duration: stop and run the rollback runbook.`,
			escalation:
				"The deployer owns the release; after 15 minutes without resolution page the on-call engineer, after 30 minutes the engineering manager.",
			comms: "Release channel at start and end; status page only if users were affected.",
			duration: `${m.stages.filter((s) => s.id === "deploy-production" || s.id === "post-deploy").reduce((a, s) => a + s.minutes, 0)} minutes`,
		},
		{
			id: "rollback",
			title: "Rollback",
			trigger: `An abort criterion fires during the post-deploy window, or a SEV-1/SEV-2 starts within 24 hours of a deploy.`,
			prerequisites: [
				`${m.platform.name} deploy rights (the on-call role has them)`,
				"The previous release's identifier from the deployment record",
				"No migration in the release that cannot run backwards (10.1 expand/contract)",
			],
			steps: [
				`Declare the rollback in the incident channel and hold further production deploys in ${m.ci.name} until it is done.`,
				`Roll back: ${inlineCode(rollbackCmd)}`,
				`Console path if the CLI is unavailable: ${platform.rollback.console}.`,
				m.frontend
					? `If the frontend changed in the same release: ${inlineCode(m.frontend.rollback.command(svc))}.`
					: "Leave feature flags as they are unless the flag itself caused the failure; then flip its kill switch.",
				"Leave the database as it is: the previous version reads the current schema (expand/contract). Corrupted data goes to the database-restore runbook.",
			],
			verification: [
				`The previous version serves 100% of traffic (${platform.name} shows it as current)`,
				`Error rate back to baseline in ${m.alertTool} within 10 minutes`,
				"Smoke tests pass",
			],
			abort:
				"If the rollback itself fails or errors persist on the previous version, the cause is not the release: escalate to incident response as SEV-1.",
			escalation: `On-call runs it; if errors persist 15 minutes after the rollback, page the incident commander.`,
			comms:
				"Incident channel immediately; status page update if the failure was user-visible for more than 5 minutes.",
			duration: platform.rollback.expectedTime,
		},
		{
			id: "incident",
			title: "Incident response",
			trigger: `An alert pages on-call (${
				ctx.monitoring.alerts
					.slice(0, 3)
					.map((a) => a.name)
					.join(", ") || "error rate, latency or availability"
			}), or a user-visible problem is reported.`,
			prerequisites: [
				`On-call access to ${m.alertTool}, ${platform.name} and ${db.name}`,
				"The incident channel template and the status page login",
				"This section's runbooks",
			],
			steps: [
				"Acknowledge the page within 5 minutes and open an incident channel.",
				"Assess impact and set the severity from the matrix below; when unsure, pick the higher one.",
				"For SEV-1/SEV-2 name an incident commander, a scribe and a communications lead; the commander does not debug.",
				"If a deploy happened in the last 24 hours, roll back first (rollback runbook), then investigate.",
				"Mitigate: flip kill switches, scale out (scaling runbook), fail over (10.6) as the evidence suggests.",
				"Record every action with its time in the incident document.",
				"Resolve when the alert has been clear for 30 minutes; schedule the postmortem.",
			],
			verification: [
				"The triggering alert is resolved and stays resolved for 30 minutes",
				"Synthetic checks and the main user journeys pass",
			],
			abort:
				"Hand over explicitly at shift end or when the commander needs relief; the incident document is the hand-over.",
			escalation:
				"Unacknowledged page: secondary after 10 minutes, engineering manager after 20; SEV-1 informs leadership within 30 minutes.",
			comms:
				"Status page within 15 minutes for SEV-1 and 30 minutes for SEV-2, then every 30 minutes; customer liaison for affected accounts.",
			duration: "until resolved; postmortem within 3 days (SEV-1) or 5 business days (SEV-2)",
		},
		{
			id: "scaling",
			title: "Scaling",
			trigger: `Sustained load near the autoscaling maximum, a saturation alert in ${m.alertTool}, or a planned event expected to exceed twice the normal peak.`,
			prerequisites: [
				`${platform.name} rights to change instance counts`,
				"Current capacity figures from 10.3",
				"Database connection limits",
			],
			steps: [
				`Check the metric that is saturating (${platform.scaling.metric}).`,
				`Scale out: ${inlineCode(platform.scaling.command(svc, rowContext(m)))}`,
				isAnsibleVm(m)
					? "Record the new host in the inventory and merge it, so the balancer's backend and the next playbook run include it."
					: "Raise the autoscaling maximum in the IaC and merge it, so the next apply does not undo the change.",
				db.id === "sqlite"
					? "If the database is the bottleneck: give the one instance that holds the SQLite file a larger size; SQLite has a single writer, so there is no replica or second instance to add."
					: `If the database is the bottleneck: add a read replica or scale ${db.name} vertically in a maintenance window; check the connection pool size against the new instance count.`,
			],
			verification: [
				"Latency and error rate back within SLO",
				"New instances healthy and receiving traffic",
				"Database connections below 80% of the limit",
			],
			abort:
				"If scaling out does not reduce latency within 10 minutes, the bottleneck is elsewhere: treat it as an incident.",
			escalation: "On-call for reactive scaling; planned events are scaled by the service owner a day ahead.",
			comms: "Team channel; cost owner informed when the new size will persist beyond a week.",
			duration: "5–15 minutes",
		},
		{
			id: "database-restore",
			title: "Database restore (and quarterly restore test)",
			trigger:
				"Data corrupted or deleted by a bad migration, a bug or an operator error; and the scheduled quarterly restore test.",
			prerequisites: [
				`Restore rights on ${db.name}`,
				"The UTC time just before the damage (from logs or the deployment record)",
				"The application's connection settings in the IaC",
			],
			steps: [
				"Stop the writes that cause damage: flip the feature's kill switch or put the app in maintenance mode.",
				...(m.recovery.caps.pitr === "on"
					? [
							`Restore to the time before the damage: ${inlineCode(db.restore.command)}`,
							`Mind the semantics: ${db.restore.semantics}.`,
						]
					: [
							`Restore the newest backup taken before the damage into ${db.id === "sqlite" ? "a new volume (from its snapshot) or a fresh copy of the file" : `a new ${db.name} instance`} (point-in-time recovery is ${m.recovery.caps.pitr === "off" ? "not enabled" : "not offered on this plan"}, so the writes since that backup are lost and are re-entered from the application's records).`,
						]),
				"Verify the restored data (row counts and the damaged records) before switching.",
				db.restore.createsNewInstance
					? "Point the application at the restored instance through the IaC variable and redeploy; keep the damaged instance for investigation for 7 days."
					: "Promote the restored state and redeploy the application.",
			],
			verification: [
				"Row counts and checksums of the key tables match expectations",
				"Application health checks pass against the restored database",
				"The restore's duration is recorded against the RTO",
			],
			abort:
				"If the restore point turns out to include the damage, restore again to an earlier point; never restore over the only copy.",
			escalation:
				"Database owner leads; the incident commander decides on data loss acceptance; legal or privacy lead informed if personal data was lost.",
			comms: "Status page when users were affected; affected customers informed of the data window lost.",
			duration: restoreDuration(m),
		},
	];
}

function renderRunbook(r: Runbook): string {
	return join(
		`### ${r.title} runbook`,
		table(
			["Field", "Value"],
			[
				[
					"Owner",
					r.id === "database-restore"
						? "database owner"
						: r.id === "deployment"
							? "the deployer"
							: "on-call engineer",
				],
				["Expected duration", r.duration],
				["Last tested", "set at the first drill; re-tested each quarter"],
			],
		),
		`**Trigger.** ${r.trigger}`,
		`**Prerequisites.**\n\n${bullets(r.prerequisites)}`,
		`**Steps.**\n\n${numbered(r.steps)}`,
		`**Verification.**\n\n${bullets(r.verification)}`,
		`**Abort / roll back.** ${r.abort}`,
		`**Escalation.** ${r.escalation}`,
		`**Communication.** ${r.comms}`,
	);
}

/** The paging tool's status when it is discontinued or in maintenance, with the dates and the migration. */
export function pagingNote(m: SectionModel): string | undefined {
	const tool = m.ctx.model?.upstream.pagingTool;
	const st = pagingStatus(tool?.value, tool?.label);
	if (!st) return undefined;
	return `**Paging tool.** Pages go through ${st.edition ? st.name : `${tool!.value} (if it is the self-hosted edition, ${st.name})`}, which is ${st.status}${m.cite(st.sources)}. Recommended: ${st.migrate}; until then, keep a second notification path (the team chat or phone tree) for SEV-1.`;
}

export function renderRunbooks(m: SectionModel): string {
	const books = runbooks(m);
	return join(
		"## 10.5 Operational Runbooks",
		`Runbooks live in the repository next to the code, are reviewed like code, and are linked from the alerts that trigger them.${m.cite(RUNBOOK_FACTS.flatMap((f) => f.sources))}`,
		...books.map(renderRunbook),
		"### Incident severity and roles",
		table(
			["Severity", "Criteria", "Response", "Paging"],
			SEVERITIES.map((s) => [s.level, s.criteria, s.response, s.page]),
		),
		bullets(INCIDENT_FACTS.map((f) => `${f.text}${m.cite(f.sources)}`)),
		pagingNote(m),
		m.ctx.monitoring.alerts.length
			? join(
					"Alerts from Section 9 and the runbook each one opens:",
					table(
						["Alert", "Condition", "Severity", "Runbook"],
						m.ctx.monitoring.alerts.map((a) => [
							a.name,
							a.condition,
							a.severity,
							/latency|cpu|memory|saturation|queue|connections/i.test(`${a.name} ${a.condition}`)
								? "scaling, then incident"
								: /deploy|release/i.test(a.name)
									? "rollback"
									: "incident",
						]),
					),
				)
			: undefined,
		code(
			"text",
			`Postmortem: blameless, written by the incident owner, reviewed within 3 calendar days (SEV-1) or 5 business days (SEV-2);\nfollow-up actions get owners and dates and are tracked to closure.`,
		),
	);
}
