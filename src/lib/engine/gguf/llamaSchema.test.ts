import { describe, expect, it } from 'vitest';
import { batchedGradeSchema, jsonSchemaOf } from '../../core/schemas';
import { schemaForLlamaCpp } from './llamaSchema';

describe('schemaForLlamaCpp', () => {
  it('drops `items: false` after prefixItems at any depth (the batched grading schema has one per verdict)', () => {
    const schema = jsonSchemaOf(batchedGradeSchema(['R1', 'R2']));
    expect(JSON.stringify(schema)).toContain('"items":false');
    const cleaned = schemaForLlamaCpp(schema);
    expect(JSON.stringify(cleaned)).not.toContain('"items":false');
    expect(cleaned).toMatchObject({
      required: ['R1', 'R2'],
      additionalProperties: false,
      properties: { R1: { prefixItems: [{ type: 'boolean' }, { type: 'string' }], minItems: 2, maxItems: 2 } },
    });
  });

  it('leaves everything else alone, including items schemas and other false values', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { list: { type: 'array', items: { type: 'string' } }, flag: { const: false } } };
    expect(schemaForLlamaCpp(schema)).toEqual(schema);
    expect(schemaForLlamaCpp(schema)).not.toBe(schema);
  });
});
