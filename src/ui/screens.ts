// The screens after pre-flight. App receives them once they have loaded, so the first frame does not wait for them
// (nor for the engine modules they use: the recommendations, the section writer, the checks, @inkjs/ui, ink-spinner).

import { ThemeHost } from "./components/ThemeHost";
import { DecisionStep } from "./steps/Decision";
import { QuestionsStep } from "./steps/Questions";
import { ResearchStep } from "./steps/Research";
import { ReviewStep, Writing } from "./steps/Review";

export const screens = { ResearchStep, DecisionStep, QuestionsStep, ReviewStep, Writing, ThemeHost };

export type Screens = typeof screens;
