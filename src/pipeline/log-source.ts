/** MIVR logs → timeline (issue 4). */
import type { SourceOptions, TimelineSource } from '../timeline/types.js';
import type { OpenedInput } from './open-input.js';

export function logSource(inputs: readonly OpenedInput[], options: SourceOptions): TimelineSource {
  void options;
  throw new Error(`log decoding is not built yet (${inputs.map((i) => i.name).join(', ')})`);
}
