// Before pre-flight: a saved session exists — resume it (optionally re-running research) or start over.

import { Box, Text } from "ink";
import type { WizardActions } from "../actions";
import { type ChoiceItem, ChoiceList } from "../components/ChoiceList";
import { Footer } from "../components/Footer";
import { useKeys } from "../hooks/use-keys";
import { useWidget } from "../hooks/use-widget";
import { glyphs, theme } from "../theme";
import { choiceKeyAction, initChoice, reduceChoice } from "../widgets/list";

export type ResumeChoice = "resume" | "rerun" | "fresh";

export interface ResumeOffer {
	/** "12 minutes ago" */
	when: string;
	/** "the decisions" */
	step: string;
	/** Input files changed since the session was saved. */
	changed: string[];
}

export function ResumeStep({
	offer,
	onChoose,
	actions,
	rows,
	columns,
}: {
	offer: ResumeOffer;
	onChoose: (c: ResumeChoice) => void;
	actions: Pick<WizardActions, "quit">;
	rows: number;
	columns: number;
}) {
	const items: ChoiceItem[] = offer.changed.length
		? [
				{
					value: "rerun",
					label: "Resume, and run the research again",
					note: "The handoffs changed, so the research may no longer fit; your decisions and answers are kept.",
					recommended: true,
				},
				{
					value: "resume",
					label: "Resume with the saved research",
					note: "Keeps the research as it was; nothing runs again.",
				},
				{ value: "fresh", label: "Start over", note: "Discards the saved session." },
			]
		: [
				{
					value: "resume",
					label: "Resume",
					note: "Back to the same screen with the same answers; finished research is not run again.",
					recommended: true,
				},
				{ value: "fresh", label: "Start over", note: "Discards the saved session." },
			];
	const [choice, choose, latest] = useWidget(reduceChoice, () => initChoice(items.length));
	useKeys((input, key, press) => {
		if (key.return) {
			onChoose(items[latest().focused]!.value as ResumeChoice);
			return true;
		}
		if (input === "q") {
			actions.quit(130);
			return true;
		}
		return choose(choiceKeyAction(press));
	});
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				A session of this project was saved {offer.when}, at <Text bold>{offer.step}</Text>.
			</Text>
			{offer.changed.map((f) => (
				<Text key={f} color={theme.warn} wrap="truncate-end">
					{glyphs.warn} {f} changed since then.
				</Text>
			))}
			<ChoiceList
				items={items}
				focused={choice.focused}
				rows={Math.max(2, rows - 3 - offer.changed.length)}
				width={columns}
			/>
			<Box marginTop={1}>
				<Footer
					keys={[
						["↑↓", "choose"],
						["Enter", "confirm"],
						["q", "quit"],
					]}
				/>
			</Box>
		</Box>
	);
}
