/** Assertions against the project's JSON Schemas (set up once, in scripts/schemas.ts). */
import { schemaValidator, type ProjectSchema } from '../../scripts/schemas.js';

/** Throws with ajv's first error when `data` does not validate (the first only: property tests validate thousands of values). */
export function assertValid(name: ProjectSchema, data: unknown): void {
  const validate = schemaValidator(name, { allErrors: false });
  if (!validate(data)) {
    throw new Error(`${name}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}\nfor ${JSON.stringify(data).slice(0, 600)}`);
  }
}
