import { describe, expect, it } from 'vitest';
import type { ChatEngine, ChatOptions } from '../chat';
import { schemaForGrammar } from './grammarSchema';
import { z } from 'zod';
import { batchedGradeSchema, jsonSchemaOf } from '../schemas';
import { requestStructured } from './structured';

describe('schemaForGrammar', () => {
  it('drops `items: false` after prefixItems at any depth (the batched grading schema has one per verdict)', () => {
    const schema = z.toJSONSchema(batchedGradeSchema(['R1', 'R2']), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    expect(JSON.stringify(schema)).toContain('"items":false');
    const cleaned = schemaForGrammar(schema);
    expect(JSON.stringify(cleaned)).not.toContain('"items":false');
    expect(cleaned).toMatchObject({
      required: ['R1', 'R2'],
      additionalProperties: false,
      properties: { R1: { prefixItems: [{ type: 'boolean' }, { type: 'string' }], minItems: 2, maxItems: 2 } },
    });
  });

  it('leaves everything else alone, including items schemas and other false values', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { list: { type: 'array', items: { type: 'string' } }, flag: { const: false } } };
    expect(schemaForGrammar(schema)).toEqual(schema);
    expect(schemaForGrammar(schema)).not.toBe(schema);
  });

  it('is what every engine receives from a structured step (llama-server rejects items:false too)', async () => {
    const seen: ChatOptions[] = [];
    const engine: ChatEngine = {
      label: 'recording',
      contextWindow: null,
      async chat(_messages, options = {}) {
        seen.push(options);
        return { text: '{"R1":[true,"x"],"R2":[false,""]}', finishReason: 'stop', usage: { promptTokens: null, completionTokens: null } };
      },
      async dispose() {},
    };
    await requestStructured(engine, [{ role: 'user', content: 'grade' }], {
      what: 'grading',
      name: 'grades',
      schema: batchedGradeSchema(['R1', 'R2']),
      maxTokens: 50,
    });
    expect(JSON.stringify(seen[0]?.schema?.schema)).not.toContain('"items":false');
    expect(seen[0]?.schema?.schema).toMatchObject({ required: ['R1', 'R2'] });
    expect(JSON.stringify(jsonSchemaOf(batchedGradeSchema(['R1'])))).not.toContain('"items":false');
  });
});
