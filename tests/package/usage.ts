// Type-checked by tests/package/pack.mjs with tsc against the installed
// package's declarations (strict): what a TypeScript user writes.
import { init, initSync, parse, parseDocument, compare, indicatorName, indicatorIds, labels } from 'govreport/core';
import type { Report, Metric, Section, Check, Options, IndicatorRule, Span, Qualifier, Comparison, Cell, Document } from 'govreport/core';
import { GovReportElement, mount, documentOf } from 'govreport/element';
import type { Viewer } from 'govreport/element';
import initDefault, { parse as parseFromEntry } from 'govreport';

export async function use(text: string, bytes: Uint8Array, el: HTMLElement): Promise<number> {
  await init();
  await initDefault(new URL('https://example.invalid/govreport_core_bg.wasm'));
  initSync(bytes);
  const rule: IndicatorRule = { id: 'user.training', name: '法治培训', pattern: '培训', unit: '场' };
  const options: Options = { lang: 'en', indicators: [rule] };
  const report: Report = parse(text, options);
  const same: Report = parseFromEntry(text);
  const title: string | null = report.title;
  const year: number | null = report.year;
  const first: Metric | undefined = report.metrics[0];
  const span: Span = first ? first.span : [0, 0];
  const q: Qualifier | undefined = first?.qualifier;
  const upper: number | null = first ? first.upper : null;
  const section: Section | undefined = report.sections[0];
  const kids: Section[] = section ? section.children : [];
  const check: Check | undefined = report.checks.find((c) => c.status === 'fail');
  const name: string | undefined = indicatorName('admin_reconsideration_correction_rate', 'en');
  const ids: string[] = indicatorIds();
  const words: Record<string, string> = labels('zh');
  GovReportElement.define();
  const viewer: Viewer = await mount(el, { text, report }, { lang: 'zh' });
  const csv: string = viewer.metricsCsv();
  const tag: GovReportElement = document.createElement('gov-report');
  tag.addEventListener('gov-report-ready', (e) => e.detail.report.metrics.length);
  // A page's article with its tables, and two reports compared.
  const doc: Document = documentOf(el);
  const withTables: Report = parseDocument(doc);
  const cell: Cell | undefined = withTables.tables[0]?.cells[0];
  const value: number = cell ? cell.value : 0;
  const c: Comparison = compare(text, doc);
  const share: number = c.reuse.share;
  const diff: number | null = c.cells[0]?.difference ?? null;
  tag.addEventListener('gov-report-compare-ready', (e) => e.detail.comparison.pairs.length);
  return [title, year, span[1], q, upper, kids.length, check?.id, name, ids.length, words, csv, tag, same.length, value, share, diff].length;
}
