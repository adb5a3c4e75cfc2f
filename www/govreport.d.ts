// govreport: the browser entry. Importing it defines <gov-report> and
// upgrades [data-gov-report] articles; it re-exports the core and the element.

export * from './core.js';
export { default } from './core.js';
export * from './element.js';
