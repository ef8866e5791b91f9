/** Every generated file: its path in the repository and its content. */
import { fileURLToPath } from 'node:url';
import { generateFastDecoders } from './fast-decoders.js';
import { generateMessageSchema } from './message-schema.js';
import { schemaTypes } from './schema-types.js';

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The repository root (this file is scripts/generate/files.ts, or dist/scripts/generate/files.js). */
export function repositoryRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/') ? fileURLToPath(new URL('../../..', import.meta.url)) : fileURLToPath(new URL('../..', import.meta.url));
}

export async function GENERATED_FILES(): Promise<GeneratedFile[]> {
  const root = repositoryRoot();
  const fast: GeneratedFile = { path: 'src/protocol/generated/fast-decoders.ts', content: generateFastDecoders() };
  const messageSchema: GeneratedFile = { path: 'schemas/decoded-message.schema.json', content: generateMessageSchema() };
  const schemas = new Map<string, string>([[messageSchema.path, messageSchema.content]]);
  return [fast, messageSchema, ...(await schemaTypes(root, schemas))];
}
