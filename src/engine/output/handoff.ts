// The handoff object for Section 11, built from the section model and validated by the strict schema.

import * as z from "zod";
import "../io/zod-setup";
import { formatDuration } from "../decisions/duration";
import { IAC_TOOLS } from "../knowledge/iac";
import {
	assumptionLines,
	decisionLines,
	openQuestionLines,
	runbookIds,
	type SectionModel,
} from "./section/index";

/** The handoff this tool writes: exactly the seed's shape, nothing extra, nothing empty where a value belongs. */
export const Handoff10Schema = z.strictObject({
	section_number: z.literal(10),
	section_name: z.literal("Deployment & Operations"),
	completed_at: z.iso.datetime(),
	status: z.literal("complete"),
	key_outputs: z.strictObject({
		deployment_strategy: z.enum(["blue-green", "canary", "rolling", "recreate"]),
		ci_cd_tool: z.string().min(1),
		iac_tool: z.string().min(1),
		environments: z.array(z.string().min(1)).min(1),
	}),
	pipeline_stages: z
		.array(z.strictObject({ stage: z.string().min(1), duration: z.string().regex(/^~\d+(s|min|h)$/) }))
		.min(1),
	runbooks: z.array(z.string().min(1)).min(4),
	disaster_recovery: z.strictObject({
		rto: z.string().min(1),
		rpo: z.string().min(1),
		backup_frequency: z.string().min(1),
	}),
	decisions_made: z.array(z.string().min(1)),
	assumptions: z.array(z.string().min(1)),
	open_questions: z.array(z.string().min(1)),
	next_section_context: z.strictObject({ for_section_11: z.string().min(1) }),
});

export type Handoff10 = z.infer<typeof Handoff10Schema>;

const STAGE_NAMES: Record<string, string> = {
	lint: "lint",
	verify: "lint-and-test",
	test: "test",
	build: "build",
	scan: "security-scan",
	"deploy-staging": "deploy-staging",
	e2e: "e2e",
	"deploy-production": "deploy-production",
	"post-deploy": "post-deploy-validation",
};

export function buildHandoff(m: SectionModel): Handoff10 {
	const d = m.decisions;
	const backup = m.db.pitr
		? `${formatDuration(d.backupMinutes)} snapshots + continuous PITR (logs every ${formatDuration(m.db.pitr.logIntervalMinutes)})`
		: `${formatDuration(d.backupMinutes)} snapshots`;
	const handoff: Handoff10 = {
		section_number: 10,
		section_name: "Deployment & Operations",
		completed_at: m.generatedAt,
		status: "complete",
		key_outputs: {
			deployment_strategy: d.strategy,
			ci_cd_tool: m.ci.name,
			iac_tool: IAC_TOOLS[d.iac].name,
			environments: d.environments,
		},
		pipeline_stages: m.stages.map((s) => ({
			stage: STAGE_NAMES[s.id] ?? s.id,
			duration: `~${s.minutes}min`,
		})),
		runbooks: runbookIds(m),
		disaster_recovery: {
			rto: formatDuration(d.rtoMinutes),
			rpo: formatDuration(d.rpoMinutes),
			backup_frequency: backup,
		},
		decisions_made: decisionLines(m),
		assumptions: assumptionLines(m),
		open_questions: openQuestionLines(m),
		next_section_context: {
			for_section_11: `Document for operations: the ${runbookIds(m).length} runbooks of 10.5 (${runbookIds(m).join(", ")}), the ${m.ci.name} pipeline in ${m.ci.file}, the ${IAC_TOOLS[d.iac].name} layout and state handling, the environments (${d.environments.join(", ")}), the disaster-recovery procedures with RTO ${formatDuration(d.rtoMinutes)} / RPO ${formatDuration(d.rpoMinutes)}, and the on-call and incident process.`,
		},
	};
	// Fail loudly here rather than write a handoff the next section cannot read.
	return Handoff10Schema.parse(handoff);
}

export function serializeHandoff(h: Handoff10): string {
	return `${JSON.stringify(h, null, 2)}\n`;
}
