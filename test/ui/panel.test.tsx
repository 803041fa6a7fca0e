// A research panel with lines wider than they are long (CJK, emoji): each line is cut by its width, and the others
// stay as they are.

import fc from "fast-check";
import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import type { PanelLine } from "../../src/engine/research/panel-buffer";
import { Panel } from "../../src/ui/components/Panel";
import { fitToWidth } from "../../src/ui/text-width";

describe("fitToWidth", () => {
	it("never returns more columns than asked, keeps what fits, and cuts only with an ellipsis", () => {
		const ch = fc.oneof(
			fc.constantFrom("a", "Z", " ", "·", "✔", "—", "部", "署", "😀", "é", "\u0301", "👍🏽"),
			fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
		);
		fc.assert(
			fc.property(fc.array(ch, { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (parts, width) => {
				const text = parts.join("");
				const out = fitToWidth(text, width);
				expect(stringWidth(out)).toBeLessThanOrEqual(width);
				if (stringWidth(text) <= width) expect(out).toBe(text);
				else {
					expect(out.endsWith("…")).toBe(true);
					expect(text.startsWith(out.slice(0, -1))).toBe(true);
				}
			}),
			{ numRuns: 3000 },
		);
	});
});

describe("Panel", () => {
	it("a line of wide characters is cut by width; the lines around it are untouched", () => {
		const lines: PanelLine[] = [
			{ text: "first line plain", stream: "stdout" },
			{ text: "部署策略部署策略部署策略部署策略部署策略", stream: "stdout" },
			{ text: "third line plain", stream: "stdout" },
		] as PanelLine[];
		const r = render(
			<Panel
				title="Deployment Strategies"
				agent="genesis-researcher"
				backend="agent"
				status="running"
				elapsed="1s"
				lineCount={3}
				lines={lines}
				height={3}
				focused={false}
				scrolledBack={0}
				spinnerFrame={0}
				width={30}
				innerWidth={28}
			/>,
		);
		const frame = r.lastFrame() ?? "";
		expect(frame).toContain("│first line plain            │");
		expect(frame).toContain("│third line plain            │");
		const wide = frame.split("\n").find((l) => l.includes("部署"))!;
		expect(wide).toContain("…");
		expect(stringWidth(wide)).toBe(30);
		r.unmount();
	});
});
