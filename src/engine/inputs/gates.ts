// The shapes of the quality gates (handoff 08) and alerts (handoff 09) the section reuses.

export interface QualityGate {
	name: string;
	threshold: string;
	blocking: boolean;
}

export interface AlertDef {
	name: string;
	condition: string;
	severity: string;
}
