// 10.5 Operational Runbooks: deployment, rollback, incident response, scaling and database restore, each complete.

import { humanDuration } from "../../decisions/duration";
import { restoreCommand } from "../../knowledge/databases";
import {
	INCIDENT_PRACTICE_FACT,
	INCIDENT_ROLES_FACT,
	POSTMORTEM_FACT,
	pagingStatus,
	RUNBOOK_FACTS,
	SEVERITY_MODEL,
} from "../../knowledge/operations";
import { productionDbName } from "./iac-snippet";
import { bullets, code, inlineCode, join, numbered, table } from "./md";
import type { SectionModel } from "./model";
import { operationsRunbooks, type Runbook } from "./s10-5-operations";

export type { Runbook };

function restoreDuration(m: SectionModel): string {
	const logical = m.recovery.modes.find((r) => r.mode === "logical")!;
	return logical.rto.minutes !== undefined
		? `about ${humanDuration(logical.rto.minutes)} (${logical.rto.arithmetic})`
		: `unknown until the data size is known; minutes: ${logical.rto.arithmetic}`;
}

export function runbooks(m: SectionModel): Runbook[] {
	const { db } = m;
	const dbName = productionDbName(m);
	const inc = m.ceremony.incident;
	return [
		...operationsRunbooks(m),
		{
			id: "database-restore",
			title: "Database restore (and quarterly restore test)",
			owner: "database owner",
			trigger:
				"Data corrupted or deleted by a bad migration, a bug or an operator error; and the scheduled quarterly restore test.",
			prerequisites: [
				`Restore rights on ${db.name}`,
				"The UTC time just before the damage (from logs or the deployment record)",
				"The application's connection settings in the IaC",
				...(m.recovery.caps.pitr === "on"
					? [
							["DB_INSTANCE", "the production database's identifier, from the IaC state"],
							["RESOURCE_GROUP", "the production resource group, from the IaC state"],
							["DB_NAME", "the database's name on that server, from the IaC state"],
							["TABLE", "the table to restore, from the IaC state"],
							["CLUSTER_ID", "the production database cluster's id, from the provider's console or CLI"],
							["CLUSTER", "the production database cluster's name, from the provider's console or CLI"],
							["APP", "the production Heroku app's name, from the IaC (`heroku_app`)"],
						]
							.filter(([v]) => new RegExp(`\\$${v}(?![A-Z0-9_])`).test(restoreCommand(db, dbName)))
							.map(([v, what]) => `\`${v}\`: ${what}`)
					: []),
			],
			steps: [
				"Stop the writes that cause damage: flip the feature's kill switch or put the app in maintenance mode.",
				...(m.recovery.caps.pitr === "on"
					? [
							`Restore to the time before the damage: ${inlineCode(restoreCommand(db, dbName))}`,
							`Mind the semantics: ${db.restore.semantics}.`,
						]
					: [
							`Restore the newest backup taken before the damage into ${db.id === "sqlite" ? "a new volume (from its snapshot) or a fresh copy of the file" : `a new ${db.name} instance`} (point-in-time recovery is ${m.recovery.caps.pitr === "off" ? "not enabled" : "not offered on this plan"}, so the writes since that backup are lost and are re-entered from the application's records).`,
						]),
				"Verify the restored data (row counts and the damaged records) before switching.",
				m.recovery.caps.pitr === "on" && db.restore.switchOver
					? db.restore.switchOver
					: db.restore.createsNewInstance
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
			escalation: `Database owner leads; ${inc.roles ? "the incident commander" : inc.responder} decides on data loss acceptance; legal or privacy lead informed if personal data was lost.`,
			comms: `${inc.statusPage ? "Status page" : inc.userComms.charAt(0).toUpperCase() + inc.userComms.slice(1)} when users were affected; affected customers informed of the data window lost.`,
			duration: restoreDuration(m),
		},
	];
}

function renderRunbook(r: Runbook): string {
	return join(
		`### ${r.title} runbook`,
		`**Owner:** ${r.owner}. **Expected duration:** ${r.duration}. **Last tested:** set at the first drill, then each quarter.`,
		`**Trigger.** ${r.trigger}`,
		`**Prerequisites.**\n\n${bullets(r.prerequisites)}`,
		`**Steps.**\n\n${numbered(r.steps)}`,
		r.commands ? join(r.commands.intro, code(r.commands.lang, r.commands.body)) : undefined,
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
	return `**Paging tool.** Pages go through ${st.edition ? st.name : `${tool!.value} (if it is the self-hosted edition, ${st.name})`}, which is ${st.status}${m.cite(st.sources)}. Recommended: ${st.migrate}; until then, keep a second notification path (the team chat or phone tree) for ${m.severity.rows[0]!.level}.`;
}

/** Who does what in an incident, sized to the team; roles it cannot staff are named as left out. */
function rolesText(m: SectionModel): string[] {
	const inc = m.ceremony.incident;
	const sev = m.severity;
	const first = sev.rows[0]!.level;
	const last = sev.rows[sev.rows.length - 1]!.level;
	const model = `Severity runs from ${first} (most urgent) down to ${last}${sev.fromInputs ? ", the levels Section 9 uses" : ""}; ${sev.majors} ${sev.majors.includes("/") ? "are major incidents" : "is a major incident"}${inc.roles ? " run with the full process" : ""}; when unsure, pick the more urgent level.${m.cite(SEVERITY_MODEL.sources)}`;
	if (inc.roles)
		return [
			model,
			`Roles for ${sev.majors}: ${inc.roles.commander}, ${inc.roles.scribe}, ${inc.roles.comms}; ${inc.responder} answers first. ${INCIDENT_ROLES_FACT.text}${m.cite(INCIDENT_ROLES_FACT.sources)}`,
			`${INCIDENT_PRACTICE_FACT.text}${m.cite(INCIDENT_PRACTICE_FACT.sources)}`,
			`${POSTMORTEM_FACT.text}${m.cite(POSTMORTEM_FACT.sources)}`,
		];
	return [
		model,
		`${inc.leftOut ?? ""} Alerts reach ${inc.responder} through ${inc.paging}${inc.coverage === "24/7" ? "" : inc.coverage === "business-hours" ? ", answered in working hours" : ", answered best effort"}.`.trim(),
		`After ${sev.majors}: ${inc.review}.`,
	];
}

export function renderRunbooks(m: SectionModel): string {
	const books = runbooks(m);
	const inc = m.ceremony.incident;
	return join(
		"## 10.5 Operational Runbooks",
		`Runbooks live in the repository next to the code, are reviewed like code, and are linked from the alerts that trigger them.${m.cite(RUNBOOK_FACTS.flatMap((f) => f.sources))}`,
		...books.map(renderRunbook),
		"### Incident severity and roles",
		table(
			["Severity", "Criteria", "Response", "Paging"],
			m.severity.rows.map((s) => [s.level, s.criteria, s.response, s.page]),
		),
		bullets(rolesText(m)),
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
		inc.roles
			? code(
					"text",
					`Postmortem: blameless, written by the incident owner, reviewed within 3 calendar days (${m.severity.rows[0]!.level}) or 5 business days (${m.severity.rows[1]?.level ?? m.severity.rows[0]!.level});\nfollow-up actions get owners and dates and are tracked to closure.`,
				)
			: undefined,
	);
}
