// Statements the section makes twice must agree: read across every golden section (each one a generated output the
// golden test keeps equal to what the build writes now).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(import.meta.dirname, "..", "golden");
const sections = readdirSync(dir)
	.filter((f) => f.endsWith(".md"))
	.map((f) => ({ name: f, text: readFileSync(path.join(dir, f), "utf8") }));

/** The backup retention, in days, that a database resource in the section's infrastructure code declares. */
const IAC_RETENTION =
	/(?:backup_retention_period|BackupRetentionPeriod:|backup_retention_days|retained_backups|backupRetentionDays:|backupRetentionPeriod:|retentionDays:|retention_days|backupRetention: Duration\.days\()\s*=?\s*(\d+)/g;

describe("the section agrees with itself", () => {
	it("has sections to read", () => {
		expect(sections.length).toBeGreaterThan(20);
	});

	it.each(sections)("$name: 10.6's backup retention is what the infrastructure code declares", ({ text }) => {
		const iac = text.slice(text.indexOf("## 10.3"), text.indexOf("## 10.4"));
		const declared = new Set([...iac.matchAll(IAC_RETENTION)].map((m) => Number(m[1])));
		const row = /^\| Retention \| (.*) \|$/m.exec(text.slice(text.indexOf("## 10.6")))?.[1] ?? "";
		if (/set on the database in the infrastructure code/.test(row)) {
			const days = Number(/^backups: (\d+) days/.exec(row)?.[1]);
			expect(declared).toContain(days);
		} else if (
			declared.size > 0 &&
			!/as the inputs set it/.test(row) &&
			!/continuous backup: a restore window/.test(row)
		) {
			// The code declares a retention that 10.6 neither repeats nor attributes to the inputs.
			expect.fail(`10.3 declares ${[...declared].join(", ")} days; 10.6 says "${row}"`);
		}
	});
});
