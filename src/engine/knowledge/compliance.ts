// Compliance regimes as data: each control with what it changes in Section 10 and its source; each cadence or
// retention period either the regime's own rule (cited) or, where the regime sets none, common practice (cited as such).

import type { SourceId } from "./sources";

export type ComplianceId = "pci-dss" | "hipaa" | "soc2" | "gdpr" | "iso27001" | "fca-opres" | "cab";

export interface Control {
	control: string;
	effect: string;
	sources: SourceId[];
}

export interface Cadence {
	text: string;
	sources: SourceId[];
	/** The regime sets no cadence or period: the text is common practice, not the regime's rule. */
	commonPractice?: boolean;
}

export interface ComplianceRegime {
	id: ComplianceId;
	name: string;
	detect: RegExp;
	/** Control → what it changes in Section 10. */
	controls: Control[];
	logRetention: Cadence;
	drillCadence: Cadence;
	requiresSeparationOfDuties: boolean;
	sources: SourceId[];
}

/** Yearly recovery testing where a regime asks for "regular" or "periodic" testing without a number. */
const YEARLY_PRACTICE: SourceId[] = ["azure-waf-dr"];

export const COMPLIANCE: Record<ComplianceId, ComplianceRegime> = {
	"pci-dss": {
		id: "pci-dss",
		name: "PCI DSS v4.0.1",
		detect: /\bpci(-| )?dss\b|\bpci\b/i,
		controls: [
			{
				control: "6.5.1",
				effect:
					"every production change records reason, security impact, approval, testing and a back-out procedure (the deployment and rollback runbooks)",
				sources: ["pci-dss"],
			},
			{
				control: "6.5.3",
				effect: "pre-production is separated from production by account and access control",
				sources: ["pci-dss"],
			},
			{
				control: "6.5.4",
				effect:
					"production deploys need a reviewer other than the author (required reviewers with self-review prevented)",
				sources: ["pci-dss"],
			},
			{
				control: "6.5.5",
				effect:
					"no live card data outside production (development, previews and any pre-production environment): synthetic data only",
				sources: ["pci-dss"],
			},
			{
				control: "10.5.1",
				effect: "audit logs kept 12 months, the latest 3 months immediately available",
				sources: ["pci-dss"],
			},
			{
				control: "12.10.1",
				effect: "an incident response plan exists and is ready to activate (the incident runbook of 10.5)",
				sources: ["cmp-pci-1210"],
			},
			{
				control: "12.10.2",
				effect: "the incident response plan is reviewed, updated and tested at least once every 12 months",
				sources: ["cmp-pci-1210"],
			},
		],
		logRetention: {
			text: "12 months, the latest 3 months immediately available (10.5.1)",
			sources: ["pci-dss"],
		},
		drillCadence: {
			text: "incident response plan tested at least once every 12 months (12.10.2)",
			sources: ["cmp-pci-1210"],
		},
		requiresSeparationOfDuties: true,
		sources: ["pci-dss", "cmp-pci-1210"],
	},
	hipaa: {
		id: "hipaa",
		name: "HIPAA Security Rule",
		detect: /\bhipaa\b|\bphi\b/i,
		controls: [
			{
				control: "164.308(a)(7)(ii)(A)",
				effect: "a data backup plan with retrievable exact copies of ePHI",
				sources: ["hipaa-contingency"],
			},
			{
				control: "164.308(a)(7)(ii)(B)",
				effect: "a disaster recovery plan to restore lost data",
				sources: ["hipaa-contingency"],
			},
			{
				control: "164.308(a)(7)(ii)(C)",
				effect: "an emergency-mode operation plan",
				sources: ["hipaa-contingency"],
			},
			{
				control: "164.308(a)(7)(ii)(D)",
				effect: "periodic testing and revision of the contingency plans",
				sources: ["hipaa-contingency"],
			},
			{
				control: "164.316(b)(2)(i)",
				effect: "the policies, plans and records of these activities are kept 6 years",
				sources: ["cmp-hipaa-316"],
			},
		],
		logRetention: {
			text: "documentation of policies and actions kept 6 years (164.316(b)(2)(i)); the rule sets no period for application logs",
			sources: ["cmp-hipaa-316"],
		},
		drillCadence: {
			text: "periodic testing (164.308(a)(7)(ii)(D)) with no cadence in the rule; yearly is common practice",
			sources: ["hipaa-contingency", ...YEARLY_PRACTICE],
			commonPractice: true,
		},
		requiresSeparationOfDuties: true,
		sources: ["hipaa-contingency", "cmp-hipaa-316"],
	},
	soc2: {
		id: "soc2",
		name: "SOC 2",
		detect: /\bsoc ?2\b/i,
		controls: [
			{
				control: "CC8.1",
				effect: "changes are authorised, tested and approved before production",
				sources: ["soc2-tsc"],
			},
			{
				control: "CC7.4 / CC7.5",
				effect: "incidents are responded to and recovered from under a defined process",
				sources: ["soc2-tsc"],
			},
			{
				control: "A1.2 / A1.3",
				effect: "backups and recovery are tested against the availability commitments",
				sources: ["soc2-tsc"],
			},
		],
		logRetention: {
			text: "the criteria set no period; keep logs for at least the audit period (common practice)",
			sources: ["soc2-tsc"],
			commonPractice: true,
		},
		drillCadence: {
			text: "recovery plan testing (A1.3) with no cadence in the criteria; yearly is common practice",
			sources: ["soc2-tsc", ...YEARLY_PRACTICE],
			commonPractice: true,
		},
		requiresSeparationOfDuties: true,
		sources: ["soc2-tsc"],
	},
	gdpr: {
		id: "gdpr",
		name: "GDPR / UK GDPR",
		detect: /\bgdpr\b/i,
		controls: [
			{
				control: "Art. 32(1)(c)",
				effect: "the ability to restore availability of and access to personal data in a timely manner",
				sources: ["gdpr-32"],
			},
			{
				control: "Art. 32(1)(d)",
				effect: "regular testing of the effectiveness of these measures (restore tests and drills)",
				sources: ["gdpr-32"],
			},
			{
				control: "Art. 5(1)(e)",
				effect: "personal data, backups included, is kept no longer than necessary (storage limitation)",
				sources: ["cmp-gdpr-5"],
			},
		],
		logRetention: {
			text: "no fixed period: no longer than the purpose needs (Art. 5(1)(e)); backups expire on the same schedule",
			sources: ["cmp-gdpr-5"],
		},
		drillCadence: {
			text: "regular testing (Art. 32(1)(d)) with no cadence in the regulation; yearly is common practice",
			sources: ["gdpr-32", ...YEARLY_PRACTICE],
			commonPractice: true,
		},
		requiresSeparationOfDuties: false,
		sources: ["gdpr-32", "cmp-gdpr-5"],
	},
	iso27001: {
		id: "iso27001",
		name: "ISO/IEC 27001:2022",
		detect: /\biso ?(\/iec )?27001\b/i,
		controls: [
			{
				control: "A.8.13",
				effect: "backup copies are maintained and regularly tested",
				sources: ["iso27001"],
			},
			{
				control: "A.8.31",
				effect: "development, test and production environments are separated",
				sources: ["iso27001"],
			},
			{ control: "A.8.32", effect: "changes follow change management", sources: ["iso27001"] },
			{
				control: "A.5.30",
				effect: "ICT readiness for business continuity is planned and tested",
				sources: ["iso27001"],
			},
		],
		logRetention: {
			text: "the standard sets no period (A.8.15 asks for logs to be kept and protected); 12 months is common practice",
			sources: ["iso27001"],
			commonPractice: true,
		},
		drillCadence: {
			text: "testing of ICT continuity (A.5.30) with no cadence in the standard; yearly is common practice",
			sources: ["iso27001", ...YEARLY_PRACTICE],
			commonPractice: true,
		},
		requiresSeparationOfDuties: true,
		sources: ["iso27001"],
	},
	"fca-opres": {
		id: "fca-opres",
		name: "FCA operational resilience (SYSC 15A)",
		detect:
			/\bSYSC ?15A\b|\boperational resilience\b.*\bFCA\b|\bFCA\b.*\boperational resilience\b|\bPS21\/3\b/i,
		controls: [
			{
				control: "SYSC 15A.2.1",
				effect:
					"the important business services are identified; the production service of this section is one",
				sources: ["cmp-fca-sysc15a"],
			},
			{
				control: "SYSC 15A.2.2",
				effect: "the identification is reviewed at least once a year and on material change",
				sources: ["cmp-fca-sysc15a"],
			},
			{
				control: "SYSC 15A (PS21/3)",
				effect:
					"an impact tolerance per important business service, and scenario tests that the recovery stays within it",
				sources: ["cmp-fca-sysc15a"],
			},
		],
		logRetention: {
			text: "SYSC 15A sets no log retention period; the firm's record-keeping rules apply (common practice)",
			sources: ["cmp-fca-sysc15a"],
			commonPractice: true,
		},
		drillCadence: {
			text: "important business services reviewed at least once a year (SYSC 15A.2.2); scenario tests at the cadence the firm's self-assessment sets",
			sources: ["cmp-fca-sysc15a"],
		},
		requiresSeparationOfDuties: true,
		sources: ["cmp-fca-sysc15a"],
	},
	cab: {
		id: "cab",
		name: "Change advisory board (CAB)",
		detect: /\bCAB\b|\bchange advisory board\b/,
		controls: [
			{
				control: "CAB approval",
				effect:
					"production changes wait for the board's approval; the pipeline's manual approval step records who approved and when",
				sources: ["cmp-dora-change-approval"],
			},
		],
		logRetention: {
			text: "no external rule: approval records are kept with the deployment records (common practice)",
			sources: ["cmp-dora-change-approval"],
			commonPractice: true,
		},
		drillCadence: {
			text: "no external cadence; DORA's research finds that heavyweight external approval slows delivery without lowering change failure rates, so standard changes are pre-approved",
			sources: ["cmp-dora-change-approval"],
			commonPractice: true,
		},
		requiresSeparationOfDuties: true,
		sources: ["cmp-dora-change-approval"],
	},
};

export const COMPLIANCE_IDS = Object.keys(COMPLIANCE) as ComplianceId[];

export function detectCompliance(text: string): ComplianceId[] {
	return COMPLIANCE_IDS.filter((id) => COMPLIANCE[id].detect.test(text));
}
