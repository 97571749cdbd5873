// The domain vocabulary shared by the pipeline, storage, UI and CLI.
// Pure types and constant lists only: no DOM, no engine, no storage.

import type { Turn } from './conversation';
import type { RunUsage } from './runUsage';

/** The four clinical dimensions a question is classified along, and their allowed values. */
export const SCENARIO_VALUES = {
  urgency: ['emergent', 'urgent', 'routine', 'not_applicable'],
  uncertainty: ['sufficient_context', 'missing_context', 'uncertain_evidence'],
  expertise: ['health_professional', 'layperson', 'unclear'],
  task_type: ['advice', 'information', 'medication', 'health_data', 'documentation', 'evidence', 'other'],
} as const;

export type Dimension = keyof typeof SCENARIO_VALUES;
export const DIMENSIONS = Object.keys(SCENARIO_VALUES) as Dimension[];

export type Urgency = (typeof SCENARIO_VALUES.urgency)[number];
export type Uncertainty = (typeof SCENARIO_VALUES.uncertainty)[number];
export type Expertise = (typeof SCENARIO_VALUES.expertise)[number];
export type TaskType = (typeof SCENARIO_VALUES.task_type)[number];

export interface Scenario {
  urgency: Urgency;
  uncertainty: Uncertainty;
  expertise: Expertise;
  task_type: TaskType;
}

/** HealthBench's five rubric axes. */
export const AXES = [
  'accuracy',
  'completeness',
  'communication_quality',
  'context_awareness',
  'instruction_following',
] as const;
export type Axis = (typeof AXES)[number];

/** Which scenario values a principle matches; an empty object matches every question. */
export type AppliesWhen = { [D in Dimension]?: Scenario[D][] };

/** A rubric template carried by a principle, instantiated per question. */
export interface PrincipleCheck {
  criterion: string;
  /** −10…10, never 0; negative = the harmful behaviour is present. */
  points: number;
  axis: Axis;
}

export interface PrincipleSource {
  name: string;
  year: number;
}

/** The presentation a principle is about, and the terms that name it in a question. */
export interface PrinciplePresentation {
  /** Short lay or clinical label ("testicular pain"). */
  name: string;
  /** Terms and word forms, lay and clinical, with synonyms and Simplified Chinese ("testicle", "balls", "睾丸"). */
  triggers: string[];
}

/**
 * A trigger written "emergency: …" is an emergency sign of its presentation (a red flag the
 * principle's statement names: saddle numbness with back pain, deep fast breathing with high
 * ketones): it chooses the principle like any trigger, and when the question describes it
 * happening now the classifier reads the question as an emergency (see presentationUrgency).
 */
export const EMERGENCY_SIGN = /^emergency\s*[:：]\s*/i;

/** One HealthPrinciple: a reusable rule a good clinical answer follows. */
export interface Principle {
  id: string;
  dimension: Dimension;
  category: string;
  title: string;
  statement: string;
  rationale: string;
  applies_when: AppliesWhen;
  keywords: string[];
  /**
   * For a principle about one named presentation (stroke, testicular pain…): its name and the terms,
   * lay and clinical, English and Chinese, of which a question must contain one before it is chosen.
   * Absent on general principles, which come from the scenario alone.
   */
  presentation?: PrinciplePresentation;
  checks: PrincipleCheck[];
  sources: PrincipleSource[];
}

/** Why a principle was chosen, as data, so the page can word it in the reader's language. */
export interface PoolReason {
  /** The presentation's trigger terms the question contains, as written in the principle (at most two). */
  triggers: string[];
  /** The presentation they name, or null for a general principle. */
  presentation: string | null;
  /** The first of them is one of the presentation's emergency signs ("emergency: …" triggers). */
  emergencySign?: boolean;
  /**
   * The scenario values it is constrained on and fits; `beyondUrgency` when a presentation was let in
   * past its urgency list, treated as `value`; `plausible` when a general principle fits a plausible
   * reading of the question (`value`) rather than the classified one.
   */
  fits: { dimension: Dimension; value: string; beyondUrgency?: boolean; plausible?: boolean }[];
  /** Other words and phrases the question shares with it, as written. */
  terms: string[];
  /** The learned relevance model says clinicians labelled it for questions like this one. */
  learned?: boolean;
  /** Kept only so the pool covers its dimension. */
  coverage: boolean;
}

/** A principle chosen for a question, with the reason it was chosen. */
export interface PoolEntry {
  id: string;
  dimension: Dimension;
  title: string;
  /** Human-readable (English): which scenario values and which terms matched. */
  reason: string;
  /** The same reason as data (absent in runs stored before it existed). */
  why?: PoolReason;
  score: number;
}

/** One checkable item of a question-specific rubric. */
export interface RubricItem {
  /** Short stable id inside the run ("R1", "R2"…), used by grading output. */
  id: string;
  criterion: string;
  /** −10…10, never 0. */
  points: number;
  axis: Axis;
  /** The principle the item was derived from, or null when it is question-specific. */
  principle_id: string | null;
}

/** Whether one rubric item is met by an answer. For a negative item, met = the bad behaviour is present. */
export interface Grade {
  item_id: string;
  met: boolean;
  /** A short quote or note supporting the verdict (may be empty). */
  evidence: string;
}

export type RoundKind = 'draft' | 'user_draft' | 'revision';

/** One graded answer: the draft (round 0) or a revision. */
export interface Round {
  index: number;
  kind: RoundKind;
  answer: string;
  /** Aligned with the rubric: grades[i] refers to rubric[i]. Empty until graded. */
  grades: Grade[];
  /** HealthBench score once graded (at most 1; negative when harms outweigh); null until then. */
  score: number | null;
  /** The model hit its token limit while writing this answer, so it is incomplete. */
  truncated: boolean;
}

/** `principles`: the model's rubric was unusable, so the pooled principles' checks were used as written. */
export type RubricSource = 'model' | 'principles';

export type StopReason = 'target_reached' | 'no_improvement' | 'max_rounds';

export interface FinalAnswer {
  round: number;
  answer: string;
  score: number;
  reason: StopReason;
}

/** The pipeline steps, in order. Revise and grade repeat. */
export type StepName = 'classify' | 'select_principles' | 'rubric' | 'draft' | 'grade' | 'revise';

export type RunStatus = 'running' | 'done' | 'failed' | 'stopped';

export interface RunFailure {
  step: StepName;
  /** A stable code from the error class (e.g. "server_unreachable"). */
  code: string;
  /** The user-facing message, already worded for the UI. */
  message: string;
}

/**
 * How answers are graded: `batched` = every rubric item in one call inside the answer's
 * conversation (cheap; the default); `per-item` = one fresh call per item, as HealthBench does.
 */
export type GradingMode = 'batched' | 'per-item';
export const GRADING_MODES: readonly GradingMode[] = ['batched', 'per-item'];

/** User-set knobs of a run. */
export interface RunOptions {
  /** Maximum number of revisions after the graded draft. */
  rounds: number;
  /** Stop once a round scores at least this much (0…1). */
  targetScore: number;
  /** Maximum number of principles in the pool. */
  poolSize: number;
  /** When set, the loop grades and revises this text instead of drafting one. */
  userDraft?: string;
  /** Grading mode; absent (runs saved before it existed) means batched. */
  grading?: GradingMode;
  /** Who classifies the scenario; absent means 'auto' (the rules when confident, else the model). */
  scenarioClassifier?: ScenarioClassifier;
}

/** 'auto': the rule classifier when it is confident, the model otherwise; 'model': always the model. */
export type ScenarioClassifier = 'auto' | 'model';
export const SCENARIO_CLASSIFIERS: readonly ScenarioClassifier[] = ['auto', 'model'];

/** Where a run's scenario came from: the model; the rules, confident; the rules after an unusable model reply. */
export type ScenarioSource = 'model' | 'rules' | 'fallback';

export const DEFAULT_RUN_OPTIONS: RunOptions = { rounds: 2, targetScore: 0.8, poolSize: 12, grading: 'batched' };

/** Everything known about one run; built by folding RunEvents, persisted after each step. */
export interface Run {
  id: string;
  /** The message answered: the question, or the latest user message of a conversation. */
  question: string;
  /** Earlier turns of the conversation, when the question is a follow-up (absent: a single question). */
  context?: Turn[];
  /** The run this one follows up (the previous turn of the same conversation); absent for a first question. */
  previousRunId?: string;
  createdAt: number;
  updatedAt: number;
  status: RunStatus;
  options: RunOptions;
  /** Which engine and model produced the run, for the record. */
  engineLabel: string;
  scenario: Scenario | null;
  scenarioSource: ScenarioSource | null;
  /** Where the rubric came from: the model, or the pooled principles' own checks when the model's was unusable. Absent in older runs. */
  rubricSource?: RubricSource | null;
  pool: PoolEntry[];
  rubric: RubricItem[];
  rounds: Round[];
  final: FinalAnswer | null;
  /** The step in flight, for progress display. */
  currentStep: StepName | null;
  failure: RunFailure | null;
  /** What the model calls cost over the whole run (absent in runs saved before it was recorded). */
  usage?: RunUsage;
}

/** Every observable thing the pipeline does, in order. The UI, storage and CLI all fold these. */
export type RunEvent =
  | { type: 'step_started'; step: StepName; round?: number }
  | { type: 'scenario'; scenario: Scenario; source: ScenarioSource }
  | { type: 'pool'; pool: PoolEntry[] }
  | { type: 'rubric'; rubric: RubricItem[]; source?: RubricSource }
  | { type: 'token'; step: 'draft' | 'revise'; round: number; text: string }
  | { type: 'answer'; round: number; kind: RoundKind; answer: string; truncated: boolean }
  | { type: 'graded'; round: number; grades: Grade[]; score: number }
  | { type: 'final'; final: FinalAnswer };

