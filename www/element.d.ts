// govreport/element: the <gov-report> element class and mount(), with no
// side effects on import (GovReportElement.define() registers it).

import type { Comparison, Document, Metric, Options, Report, Section } from './core.js';

/** What `mount()` returns and `<gov-report>.viewer` holds. */
export interface Viewer {
  report: Report;
  expandAll(): void;
  collapseAll(): void;
  /** Opens the metric's sections, scrolls to it, flashes and focuses it. */
  reveal(metricId: string): boolean;
  revealSection(sectionId: string): boolean;
  /** Opens the table's section, scrolls to the cell (a canonical id such as `requests.new.total`), flashes and focuses it. */
  revealCell(cellId: string): boolean;
  /** The metrics table as CSV: every row the filter leaves (attached to the table yet or not), in the order shown. */
  metricsCsv(): string;
  /** Removes the viewer's event listeners. */
  destroy(): void;
  /** With `compare-src`: the comparison with the previous report (set once `gov-report-compare-ready` fired). */
  comparison?: Comparison;
  /** With several `compare-src` URLs: each report against the one before, oldest first. */
  comparisons?: Comparison[];
  /** With `compare-src`: the changes panel as CSV. */
  changesCsv?(): string;
}

/**
 * Renders a report into the element's shadow root (made if it has none):
 * of a text, of a text with its report, or of a document `{ text, tables }`
 * (documentOf(), documentFromHtml()), whose tables are shown as tables.
 */
export function mount(element: HTMLElement, input: string | { text: string; report?: Report } | Document, options?: Options): Promise<Viewer>;
/** Shows an error and the original text in the element's shadow root. */
export function showError(host: HTMLElement, shadow: ShadowRoot, error: unknown, text: string | null, lang: 'zh' | 'en'): void;
/** Upgrades `[data-gov-report]` elements under `root` (the browser entry does it once on load). */
export function upgradeMarkup(root?: ParentNode): void;
/** The text of article markup, one line per block, a table's rows as tab-separated lines. */
export function textOfMarkup(element: Element): string;
/**
 * The document of the report in `root` (paragraphs a line each, tables as
 * grids), by the rules of the command line's HTML reader: the same page
 * gives the same report both ways.
 */
export function documentOf(root: Element, lang?: 'zh' | 'en'): Document;
/** The document of an HTML page given as text (parsed by DOMParser: no script runs). */
export function documentFromHtml(html: string, lang?: 'zh' | 'en'): Document;
/** The element a page's report is in: `[data-gov-report]`, else the one whose own paragraphs and tables hold the most text. */
export function articleOf(doc: globalThis.Document): Element;

export class GovReportElement extends HTMLElement {
  /** Registers the element (once; a second call is a no-op). */
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
  'gov-report-compare-ready': CustomEvent<{ comparison: Comparison; comparisons: Comparison[]; viewer: Viewer }>;
}

declare global {
  interface HTMLElementTagNameMap {
    'gov-report': GovReportElement;
  }
  interface HTMLElementEventMap extends GovReportEventMap {}
}
