// The pipeline definition for the chosen CI tool, from one job plan (./plan.ts).

export { buildPlan, gitopsOf, hasCab, type PipelinePlan, pipelineDefinition, servicesOf } from "./plan";
