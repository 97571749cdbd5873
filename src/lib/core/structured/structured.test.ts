import { describe, expect, it } from 'vitest';
import { sequenceEngine } from '../../../../tests/support/sequenceEngine';
import type { ChatMessage } from '../chat';
import { StructuredOutputError, TruncatedOutputError } from '../errors';
import { ScenarioSchema, batchedGradeSchema, jsonSchemaOf } from '../schemas';
import { extractJson, parseStructured, requestStructured, stripThinking } from './structured';

const scenario = { urgency: 'emergent', uncertainty: 'missing_context', expertise: 'layperson', task_type: 'advice' };

describe('extractJson', () => {
  it('reads plain JSON', () => {
    expect(extractJson(JSON.stringify(scenario))).toEqual({ ok: true, value: scenario });
  });

  it('ignores thinking, fences and prose around the object', () => {
    const reply = `<think>maybe {"urgency": "routine"}?</think>Here you go:\n\`\`\`json\n${JSON.stringify(scenario)}\n\`\`\`\nAnything else?`;
    expect(extractJson(reply)).toEqual({ ok: true, value: scenario });
  });

  it('finds an object after prose that contains brackets', () => {
    expect(extractJson('Sure [see below]: {"a": "x } y", "b": [1, 2,]}')).toEqual({ ok: true, value: { a: 'x } y', b: [1, 2] } });
  });

  it('treats an unclosed think block as no answer', () => {
    expect(extractJson('<think>{"a":1} still thinking')).toEqual({ ok: false, problem: 'the reply was empty' });
  });

  it('reports when there is no JSON at all', () => {
    expect(extractJson('I cannot help with that.').ok).toBe(false);
  });
});

describe('stripThinking', () => {
  it('drops a closing tag left by templates that open thinking themselves', () => {
    expect(stripThinking('reasoning here</think>\nThe answer.')).toBe('The answer.');
  });
});

describe('parseStructured', () => {
  it('accepts case and spacing variants of enum values', () => {
    const r = parseStructured(
      '{"urgency":"Emergent","uncertainty":"missing context","expertise":"Layperson","task_type":"advice"}',
      ScenarioSchema,
    );
    expect(r).toEqual({ ok: true, value: scenario });
  });

  it('names each invalid field', () => {
    const r = parseStructured('{"urgency":"very","uncertainty":"missing_context","expertise":"layperson"}', ScenarioSchema);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join(' ')).toMatch(/urgency.*task_type|task_type.*urgency/s);
  });

  it('accepts yes/no strings for met', () => {
    const r = parseStructured('{"R1":["yes","x"]}', batchedGradeSchema(['R1']));
    expect(r.ok && r.value.R1?.[0]).toBe(true);
  });
});

describe('jsonSchemaOf', () => {
  it('describes the enum values to the engine', () => {
    const schema = jsonSchemaOf(ScenarioSchema) as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(schema.properties.urgency?.enum).toEqual(['emergent', 'urgent', 'routine', 'not_applicable']);
    expect(schema.required).toEqual(['urgency', 'uncertainty', 'expertise', 'task_type']);
  });
});

describe('requestStructured', () => {
  const request = { what: 'scenario classification', name: 'scenario', schema: ScenarioSchema, maxTokens: 100 };
  const question: ChatMessage[] = [{ role: 'user', content: 'q' }];

  it('repairs once in the same conversation, telling the model what was wrong', async () => {
    const { engine, seen } = sequenceEngine([{ text: '{"urgency":"very"}' }, { text: JSON.stringify(scenario) }]);
    const reply = await requestStructured(engine, question, request);
    expect(reply.value).toEqual(scenario);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.slice(0, 2)).toEqual([...question, { role: 'assistant', content: '{"urgency":"very"}' }]);
    expect(seen[1]?.[2]?.content).toMatch(/urgency/);
  });

  it('fails with a typed error after the repair fails', async () => {
    const { engine } = sequenceEngine([{ text: 'no' }, { text: 'still no' }]);
    await expect(requestStructured(engine, question, request)).rejects.toBeInstanceOf(StructuredOutputError);
  });

  it('never parses a reply cut off at the token limit, even if it looks complete', async () => {
    const { engine, seen } = sequenceEngine([
      { text: JSON.stringify(scenario), finishReason: 'length' },
      { text: JSON.stringify(scenario), finishReason: 'length' },
    ]);
    await expect(requestStructured(engine, question, request)).rejects.toBeInstanceOf(TruncatedOutputError);
    expect(seen[1]?.[2]?.content).toMatch(/cut off/);
  });
});
