export { createRuleEngine, ruleErrors, type EngineOptions } from './engine';
export type { RuleEngine, RuleEngineFactory } from './engine.types';
export type { Finding, PrintedFinding } from './finding';
export { toPrintedFindings } from './printed';
export { parseRule, type ParseRuleResult } from './parser';
