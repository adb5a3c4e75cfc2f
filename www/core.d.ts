// govreport/core: the parser without a DOM. The model's types (Report,
// Section, Metric, Check, …, Options, IndicatorRule) are generated from the
// Rust types (tsify) into govreport_core.d.ts and re-exported here.

import type { Comparison, Document, Options, Report } from './govreport_core.js';
export type {
  Cell,
  CellPair,
  Comparison,
  FigurePair,
  ReusedSpan,
  Reuse,
  SectionPair,
  SectionShare,
  SectionStatus,
  Side,
  Unpaired,
  Check,
  CheckStatus,
  Derived,
  Document,
  GridCell,
  GridTable,
  Field,
  IndicatorRule,
  Item,
  Meta,
  Metric,
  MetricKind,
  Options,
  Qualifier,
  Report,
  Section,
  Span,
  Table,
  TableFormat,
  TableKind,
} from './govreport_core.js';

/** What init() accepts: a URL, a Response, the module's bytes, or a compiled module. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the wasm (once). Default: govreport_core_bg.wasm next to this module (from disk in Node). */
export function init(input?: WasmSource): Promise<void>;
export default init;
/** Instantiates the wasm synchronously from its bytes or a compiled module (once). */
export function initSync(module: BufferSource | WebAssembly.Module): void;
/** True once init() or initSync() has finished. */
export function isReady(): boolean;
/** Runs `fn` once the wasm is ready. */
export function whenReady(fn: () => void): void;
/**
 * Parses report text into the contract's plain object. Throws an Error if
 * init() has not finished, `text` is not a string, or `options` is not
 * `{ lang?, indicators? }` (the message names an unknown key, or the rule
 * and character position of a pattern that does not compile).
 */
export function parse(text: string, options?: Options): Report;
/**
 * Parses a document `{ text, tables }` (text with its tables as grids of
 * UTF-16 spans, as documentOf() in 'govreport/element' builds it from the
 * DOM); `report.text` is the document's text, which the spans index.
 */
export function parseDocument(document: Document, options?: Options): Report;
/**
 * Compares two reports, the older first, each a text or a document: the
 * contract's comparison (sections, pairs, cells, checks across years, reuse).
 */
export function compare(older: string | Document, newer: string | Document, options?: Options): Comparison;
/** The viewer's words, `{ key: text }`. */
export function labels(lang?: 'zh' | 'en'): Record<string, string>;
/** The name of a canonical indicator id, or undefined. */
export function indicatorName(id: string, lang?: 'zh' | 'en'): string | undefined;
/** Every canonical indicator id. */
export function indicatorIds(): string[];
/** @internal */
export function render(root: Element, text: string, options?: Options, run?: (parent: Element, start: number, end: number) => void): Report;
/** @internal */
export function renderDocument(root: Element, document: Document, options?: Options, run?: (parent: Element, start: number, end: number) => void): Report;
/** @internal */
export const __test: { panic(): void; memoryBytes(): number };
