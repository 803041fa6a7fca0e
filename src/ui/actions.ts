// The screens' view of the wizard: the interface the controller implements (defined beside it, in the engine).

export type { EarlyActions, WizardActions } from "../engine/wizard/actions";
