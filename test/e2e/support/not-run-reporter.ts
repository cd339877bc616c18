import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints, at the end of a run, every test that did not run and the reason it gave. */
export default class NotRunReporter implements Reporter {
  private readonly notRun: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    this.notRun.push(`  ${test.titlePath().filter(Boolean).join(' › ')}\n    ${reason}`);
  }

  onEnd(_result: FullResult): void {
    if (this.notRun.length === 0) return;
    process.stdout.write(`\nThese browser tests did NOT run on this machine:\n${this.notRun.join('\n')}\n`);
  }
}
