/** Collects diagnostics up to a limit (the rest are counted) and forwards all of them. */
import type { MivrDiagnostic, MivrReadStats } from './types.js';

export class DiagnosticSink {
  constructor(
    private readonly stats: MivrReadStats,
    private readonly max: number,
    private readonly forward?: (d: MivrDiagnostic) => void,
  ) {}

  add(d: MivrDiagnostic): void {
    if (this.stats.diagnostics.length < this.max) this.stats.diagnostics.push(d);
    else this.stats.diagnosticsDropped++;
    this.forward?.(d);
  }
}
