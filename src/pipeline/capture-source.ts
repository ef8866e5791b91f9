/** Captures → timeline (issue 3). */
import type { SourceOptions, TimelineSource } from '../timeline/types.js';
import type { OpenedInput } from './open-input.js';

export function captureSource(input: OpenedInput, options: SourceOptions): TimelineSource {
  void options;
  throw new Error(`capture decoding is not built yet (${input.name})`);
}
