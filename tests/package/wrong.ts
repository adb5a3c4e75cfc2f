// Must NOT type-check: tests/package/pack.mjs expects tsc to reject each
// line marked below, which shows the declarations really are checked.
import { parse } from 'govreport/core';

const report = parse('一、总体情况');
export const a: number = report.title; // error: string | null
export const b: string = report.metrics[0].value; // error: number
parse('x', { langauge: 'en' }); // error: unknown option
export const c: 'exact' = report.metrics[0].qualifier; // error: the other qualifiers
