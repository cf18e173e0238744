// A mark for `npm run bench`'s phase probe (scripts/bench/phase-probe.cjs), which defines the hook
// only while it is loaded: then it records when the entry's module top levels were done. Without
// the probe this is one property read.
type Mark = (phase: string) => void

export function markPhase(phase: string): void {
  const hook = (globalThis as Record<symbol, Mark | undefined>)[
    Symbol.for('harness-trigger.bench.mark')
  ]
  hook?.(phase)
}
