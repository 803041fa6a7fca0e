// The shapes of the quality gates (handoff 08) and alerts (handoff 09) the section reuses.

export interface QualityGate {
	name: string;
	threshold: string;
	blocking: boolean;
	/** Where Section 8 runs the gate (its `stage` / `when` field), sanitised; placed by the pipeline's stage rules. */
	when?: string;
}

export interface AlertDef {
	name: string;
	condition: string;
	severity: string;
}
