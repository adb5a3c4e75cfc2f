// TypeScript declarations of govreport.js: the parse contract
// (shared/design/contract.md) plus the fields govreport adds, marked
// "extension". Every span is [start, end) in UTF-16 code units of the
// input, so `text.slice(span[0], span[1])` is the item's text.

/** `[start, end)` in UTF-16 code units of the input string. */
export type Span = [start: number, end: number];

export interface Report {
  /** The report's own title line, or null when the text starts mid-report. */
  title: string | null;
  /** Portal metadata lines, when present. */
  meta: Meta;
  /** The year reported on (2021 for a report on 2021 published in 2022). */
  year: number | null;
  /** The heading tree, in document order. */
  sections: Section[];
  /** Every quantity, in document order. */
  metrics: Metric[];
  /** What the indicator logic concluded. */
  checks: Check[];
  /** What could not be understood, in words. */
  warnings: string[];
  /** Extension: text before the first heading (furniture, metadata, title, opening). */
  preamble: Span;
  /** Extension: page-furniture lines of the preamble. */
  furniture: Span[];
  /** Extension: inline enumerations (一是……二是……) of the preamble. */
  items: Item[];
  /** Extension: length of the input in UTF-16 code units. */
  length: number;
}

export interface Meta {
  /** 索引号 */
  index_no: string | null;
  /** 文号 / 发文字号 (null when empty) */
  doc_no: string | null;
  /** 发文日期 / 成文日期, YYYY-MM-DD */
  issued: string | null;
  /** 发布日期 / 发布时间 / 时间 / 日期, YYYY-MM-DD */
  published: string | null;
  /** 发布机构 / 发文单位, else 来源 */
  publisher: string | null;
  /** Extension: every labelled field as written. */
  fields: { label: string; value: string }[];
}

export interface Section {
  /** Stable within one parse: "s2", "s2.3". */
  id: string;
  /** 1 一、 · 2 （一） · 3 1. · 4 （1） (GB/T 9704-2012); an unmarked heading line is 1. */
  level: 1 | 2 | 3 | 4;
  /** The marker exactly as written ("（三）"), "" for an unmarked heading. */
  marker: string;
  /** Heading text without marker and without the closing 。 of a run-in heading. */
  title: string;
  /** The whole section: heading through its last descendant. */
  span: Span;
  /** The heading (marker, title, closing 。). */
  heading_span: Span;
  /** Extension: the section's own text, up to its first child. */
  body_span: Span;
  children: Section[];
  /** Extension: inline enumerations of the section's own text. */
  items: Item[];
}

/** Extension: one item of an inline enumeration (二是依法行政有待规范。……). */
export interface Item {
  /** "二是" */
  marker: string;
  /** The lead phrase after the marker. */
  title: string;
  span: Span;
}

export type Qualifier = 'exact' | 'over' | 'nearly' | 'about' | 'at_least' | 'at_most';
export type MetricKind = 'count' | 'percent' | 'percentage_point' | 'money' | 'rank' | 'other';

export interface Metric {
  /** "m1", "m2", … in document order. */
  id: string;
  /** Surface form: "2.4万余人次". */
  text: string;
  span: Span;
  /** Resolved in the base unit: 2.4万余人次 → 24000. */
  value: number;
  /** Extension: upper end of a range (3至5个 → value 3, upper 5). */
  upper: number | null;
  /** Base unit ("人次", "件", "%", "元", "个百分点"), null when none is written ("508万"). */
  unit: string | null;
  /** 余/多/超过/突破 over · 近 nearly · 约/左右 about · 以上 at_least · 以内 at_most. */
  qualifier: Qualifier;
  kind: MetricKind;
  /** Extension: a change or comparison (增长5.4%, 高于全国0.4个百分点, 翻番), not a level. */
  change: boolean;
  /** The phrase it measures: "诉前成功调解案件". */
  subject: string | null;
  /** Canonical indicator id ("admin_reconsideration_correction_rate.comprehensive"). */
  indicator: string | null;
  /** Id of the innermost section it lies in. */
  section: string | null;
}

export interface Check {
  /** "required.next_year_plan", "consistency.rate", … */
  id: string;
  status: 'pass' | 'warn' | 'fail';
  /** One sentence a reviewer can read, in the language asked for. */
  message: string;
  /** Ids of the metrics involved. */
  metrics: string[];
  section: string | null;
}

export interface ParseOptions {
  /** Language of check messages and warnings: "zh" (default) or "en". */
  lang?: 'zh' | 'en';
}

/** What `mount()` returns and `<gov-report>.viewer` holds. */
export interface Viewer {
  report: Report;
  expandAll(): void;
  collapseAll(): void;
  /** Opens the metric's sections, scrolls to it, flashes and focuses it. */
  reveal(metricId: string): boolean;
  revealSection(sectionId: string): boolean;
  /** The metrics table as CSV: every row the filter leaves (attached to the table yet or not), in the order shown. */
  metricsCsv(): string;
  /** Removes the viewer's event listeners. */
  destroy(): void;
}

/** Loads the wasm (once). Default: govreport_core_bg.wasm next to govreport.js. */
export default function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Parses report text. Throws if `init()` has not finished or `text` is not a string. */
export function parse(text: string, options?: ParseOptions): Report;
/** Renders a report into the element's shadow root. */
export function mount(element: HTMLElement, input: string | { text: string; report?: Report }, options?: ParseOptions): Promise<Viewer>;
/** The viewer's words, `{ key: text }`. */
export function labels(lang?: 'zh' | 'en'): Record<string, string>;
/** The name of a canonical indicator. */
export function indicatorName(id: string, lang?: 'zh' | 'en'): string | undefined;
/** Upgrades `[data-gov-report]` elements under `root` (done once on load). */
export function upgradeMarkup(root?: ParentNode): void;
/** The text of article markup, one line per block. */
export function textOfMarkup(element: Element): string;

export class GovReportElement extends HTMLElement {
  static define(tag?: string, registry?: CustomElementRegistry): void;
  readonly report: Report | null;
  text: string;
  readonly viewer: Viewer | null;
  expandAll(): void;
  collapseAll(): void;
  reveal(metricId: string): boolean;
  revealSection(sectionId: string): boolean;
  metricsCsv(): string;
}

export interface GovReportEventMap {
  'gov-report-ready': CustomEvent<{ report: Report; viewer: Viewer }>;
  'gov-report-error': CustomEvent<{ error: unknown }>;
  'gov-report-toggle': CustomEvent<{ section: Section; open: boolean }>;
  'gov-report-metric-select': CustomEvent<{ metric: Metric }>;
  'gov-report-export': CustomEvent<{ csv: string }>;
}

declare global {
  interface HTMLElementTagNameMap {
    'gov-report': GovReportElement;
  }
  interface HTMLElementEventMap extends GovReportEventMap {}
}
