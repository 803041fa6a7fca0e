// The shape of a check report: one result per rule, with where it looked and what failed.

export interface CheckResult {
	id: string;
	group: "review" | "guide" | "rubric" | "inputs";
	label: string;
	required: boolean;
	passed: boolean;
	/** What failed and where ("line 42: TODO"). */
	detail?: string;
}

export interface CheckReport {
	results: CheckResult[];
	rubricScore: number;
	rubricTotal: number;
	requiredFailed: CheckResult[];
	ok: boolean;
}
