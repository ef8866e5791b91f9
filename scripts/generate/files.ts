/** Every generated file: its path in the repository and its content. */
import { generateFastDecoders } from './fast-decoders.js';

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

export async function GENERATED_FILES(): Promise<GeneratedFile[]> {
  return [{ path: 'src/protocol/generated/fast-decoders.ts', content: generateFastDecoders() }];
}
