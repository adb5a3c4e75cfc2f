// The viewer's stylesheet, adopted into each shadow root (no <style> from
// report content, and no inline styles: a strict CSP needs no
// 'unsafe-inline'). Theme it from the host page with the --gov-report-*
// custom properties below and with ::part() (see README "Theming").

// Fonts: Windows's, then the two Linux ones, then macOS's. On Linux each
// family the browser looks up and does not find is a round trip to the
// browser process before the first layout (about 3 ms each in headless
// Chromium here, seven of them with macOS's fonts first).
// Type scale: 1em and .875em, regular and bold, 1.25em bold for level-1
// headings and 1.5em bold for the title. Each size and weight a page uses
// is a font instance the browser must set up before its first layout
// (about 2 ms each in headless Chromium on Linux), so the scale is short.
export const css = String.raw`
:host { display: block; }
:host([hidden]) { display: none; }

.gr {
  --_fg: var(--gov-report-color, #1f2328);
  --_bg: var(--gov-report-background, #ffffff);
  --_muted: var(--gov-report-muted-color, #59636e);
  --_border: var(--gov-report-border-color, #d1d9e0);
  --_accent: var(--gov-report-accent-color, #0b57d0);
  --_focus: var(--gov-report-focus-color, #0b57d0);
  --_panel: var(--gov-report-panel-background, #f6f8fa);
  --_count: var(--gov-report-count-background, #fff1b8);
  --_share: var(--gov-report-share-background, #d6e8ff);
  --_money: var(--gov-report-money-background, #d9f2dc);
  --_other: var(--gov-report-other-background, #f0e1fb);
  --_pass: var(--gov-report-pass-color, #116329);
  --_warn: var(--gov-report-warn-color, #7d4e00);
  --_fail: var(--gov-report-fail-color, #b3261e);
  all: initial;
  display: block;
  container-type: inline-size;
  color: var(--_fg);
  background: var(--_bg);
  font-family: var(--gov-report-font-family, "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Hiragino Sans GB", "Source Han Sans SC", sans-serif);
  font-size: var(--gov-report-font-size, 16px);
  line-height: 1.75;
  text-align: start;
  overflow-wrap: anywhere;
}
@media (prefers-color-scheme: dark) {
  .gr {
    --_fg: var(--gov-report-color, #e6edf3);
    --_bg: var(--gov-report-background, #0d1117);
    --_muted: var(--gov-report-muted-color, #9198a1);
    --_border: var(--gov-report-border-color, #3d444d);
    --_accent: var(--gov-report-accent-color, #79b8ff);
    --_focus: var(--gov-report-focus-color, #79b8ff);
    --_panel: var(--gov-report-panel-background, #151b23);
    --_count: var(--gov-report-count-background, #5c4a00);
    --_share: var(--gov-report-share-background, #12365e);
    --_money: var(--gov-report-money-background, #1b4721);
    --_other: var(--gov-report-other-background, #462266);
    --_pass: var(--gov-report-pass-color, #6fdd8b);
    --_warn: var(--gov-report-warn-color, #e3b341);
    --_fail: var(--gov-report-fail-color, #ff8e87);
  }
}
.gr *, .gr *::before, .gr *::after { box-sizing: border-box; }
.gr [hidden] { display: none !important; }
.gr button, .gr input { font: inherit; color: inherit; }
.gr button {
  background: var(--_panel); border: 1px solid var(--_border); border-radius: 6px;
  padding: .2em .75em; cursor: pointer; min-height: 2em;
}
.gr button:hover { border-color: var(--_accent); }
.gr :focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }

.header { border-bottom: 1px solid var(--_border); padding-bottom: .75rem; margin-bottom: 1rem; }
.title { font-size: 1.5em; line-height: 1.4; margin: 0 0 .5rem; font-weight: 700; }
.title.untitled { color: var(--_muted); font-weight: 400; }
.meta { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0 0 .5rem; color: var(--_muted); font-size: .875em; }
.meta div { display: flex; gap: .4em; }
.meta dt { font-weight: 700; }
.meta dd { margin: 0; }
.summary { margin: 0 0 .5rem; font-size: .875em; color: var(--_muted); }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem; }
.warnings { margin-top: .5rem; padding: .5rem .75rem; border-left: 4px solid var(--_warn); background: var(--_panel); font-size: .875em; }
.warnings ul { margin: .25rem 0 0; padding-left: 1.25rem; }

.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(15rem, 26rem); gap: 1.5rem; align-items: start; }
@container (max-width: 52rem) { .layout { grid-template-columns: minmax(0, 1fr); } }

.report p { margin: .35em 0; }
.preamble { margin-bottom: 1rem; }
details.furniture { margin: .25rem 0; color: var(--_muted); font-size: .875em; }
details.furniture > summary { cursor: pointer; }
p.page-furniture { margin: .25rem 0; color: var(--_muted); font-size: .875em; text-align: center; }

details.section { margin: .25rem 0 .25rem 0; }
/* A section off screen is not laid out or painted until it nears the
   viewport (the browser keeps it in find-in-page, the accessibility tree,
   focus and printing); a long report's first frame lays out a screenful,
   not the whole text. "auto" remembers the size once rendered. Only open
   sections: a closed one is a line, and a placeholder's height for it
   would move what is below when it came into view. */
.report details.section[open] { content-visibility: auto; contain-intrinsic-size: auto 24em; }
details.section details.section { margin-left: clamp(.25rem, 2.5cqi, 1.25rem); }
details.section > summary {
  cursor: pointer; list-style: none; display: flex; gap: .35em; align-items: baseline;
  border-radius: 6px; padding: .15em .25em;
}
details.section > summary::-webkit-details-marker { display: none; }
details.section > summary::before {
  content: "▸"; flex: none; width: 1em; color: var(--_accent); transition: transform .15s;
}
details.section[open] > summary::before { transform: rotate(90deg); }
details.section > summary:hover { background: var(--_panel); }
.heading { margin: 0; font-weight: 700; line-height: 1.5; display: inline; }
h3.heading { font-size: 1.25em; }
h4.heading, h5.heading, h6.heading { font-size: 1em; }
details.section > .body { padding-left: 1.35em; }

mark.metric {
  color: inherit; background: var(--_count); border-radius: 3px; padding: 0 .08em;
  border-bottom: 2px solid currentColor; cursor: help;
}
mark.kind-percent, mark.kind-percentage_point { background: var(--_share); border-bottom-style: dashed; }
mark.kind-money { background: var(--_money); border-bottom-style: double; border-bottom-width: 3px; }
mark.kind-other, mark.kind-rank { background: var(--_other); border-bottom-style: dotted; }
mark.change::after { content: "±"; font-size: .875em; vertical-align: super; margin-left: .1em; }
mark.flash { animation: gr-flash 1.6s ease-out; }
@keyframes gr-flash { 0%, 30% { outline: 4px solid var(--_accent); outline-offset: 3px; } 100% { outline: 4px solid transparent; } }

.panels { display: grid; gap: 1rem; position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow: auto; }
@container (max-width: 52rem) { .panels { position: static; max-height: none; } }
.panel { background: var(--_panel); border: 1px solid var(--_border); border-radius: 8px; padding: .75rem; }
/* On a narrow screen the panels follow the whole report: not laid out
   until scrolled near (the seed's first frame on a 375 px screen took
   40 % less time). Beside the report they are on screen and drawn at once. */
.panel { content-visibility: auto; contain-intrinsic-size: auto 30em; }
.panel h3 { margin: 0 0 .5rem; font-size: 1em; }
.checks ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
.check { display: grid; grid-template-columns: auto 1fr; gap: .1rem .5rem; font-size: .875em; }
.check .message { grid-column: 2; }
.check .link { grid-column: 2; justify-self: start; min-height: 1.8em; }
.badge { grid-row: span 3; font-weight: 700; white-space: nowrap; }
.badge::before { display: inline-block; width: 1.2em; }
.status-pass .badge { color: var(--_pass); }
.status-pass .badge::before { content: "✓"; }
.status-warn .badge { color: var(--_warn); }
.status-warn .badge::before { content: "!"; }
.status-fail .badge { color: var(--_fail); }
.status-fail .badge::before { content: "✗"; }

.table-tools { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: .5rem; }
.filter { flex: 1 1 8rem; min-width: 0; padding: .2em .5em; border: 1px solid var(--_border); border-radius: 6px; background: var(--_bg); }
.table-wrap { overflow: auto; max-height: 28rem; }
table { border-collapse: collapse; width: 100%; font-size: .875em; }
th, td { text-align: start; padding: .25em .4em; border-bottom: 1px solid var(--_border); vertical-align: top; }
td.value { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
th, td.unit, td.qualifier { white-space: nowrap; }
th { position: sticky; top: 0; background: var(--_panel); }
th button.sort { border: 0; background: none; padding: 0; min-height: 0; font-weight: 700; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
tbody tr { cursor: pointer; }
tbody tr:hover, tbody tr:focus { background: var(--_bg); }

.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
span.delta { font-size: .75em; margin-left: .15em; white-space: nowrap; font-variant-numeric: tabular-nums; }
span.delta.up { color: var(--_pass); }
span.delta.down { color: var(--_fail); }
.has-reused { box-shadow: inset 3px 0 0 var(--_border); padding-left: .4em; }
.has-reused::before { content: "↺"; float: left; margin-left: -1.4em; color: var(--_muted); font-size: .8em; }
.dim-reused span.reused { opacity: .45; }
.panel.compare .share { margin: 0 0 .5rem; font-size: .875em; }
.panel.compare tbody tr:focus-visible { outline: 2px solid var(--_accent); outline-offset: -2px; }
figure.chart { margin: 0 0 .75rem; }
figure.chart svg { width: 100%; max-width: 20rem; height: auto; color: var(--_accent); display: block; }
figure.chart figcaption { font-size: .875em; font-weight: 700; }
figure.table { margin: .75rem 0; }
figure.table figcaption { font-weight: 700; margin-bottom: .25rem; }
.table-scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--_border); border-radius: 6px; }
.table-scroll:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
table.cells { width: auto; min-width: 100%; }
table.cells tbody tr { cursor: auto; }
table.cells th[scope="row"] { white-space: normal; min-width: 9em; position: static; }
table.cells td { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.cells .note { display: block; font-size: .75em; color: var(--_muted, inherit); }
table.cells td.flag-fail { box-shadow: inset 3px 0 0 var(--_fail); }
table.cells td.flag-warn { box-shadow: inset 3px 0 0 var(--_warn); }
button.flag { display: block; margin-left: auto; font-size: .75em; border: 1px solid currentColor; border-radius: 4px; background: var(--_bg); padding: 0 .3em; min-height: 1.6em; }
button.flag-fail { color: var(--_fail); }
button.flag-warn { color: var(--_warn); }
button.flag .icon { margin-right: .2em; font-weight: 700; }
td.flash { animation: gr-flash 1.6s ease-out; }
dl.derived { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .4rem 0; font-size: .875em; }
dl.derived div { display: flex; gap: .35em; }
dl.derived dt { font-weight: 700; }
dl.derived dd { margin: 0; font-variant-numeric: tabular-nums; }
details.table-source > summary { cursor: pointer; font-size: .875em; }
details.table-source > .body { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .875em; }

.tooltip {
  position: fixed; z-index: 2147483647; max-width: min(22rem, 90vw); pointer-events: none;
  background: var(--_fg); color: var(--_bg); border-radius: 6px; padding: .4rem .6rem;
  font-size: .875em; line-height: 1.5; box-shadow: 0 4px 16px rgba(0, 0, 0, .25);
}
.tooltip dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 .6em; }
.tooltip dt { font-weight: 700; }
.tooltip dd { margin: 0; }

.error { border: 2px solid var(--_fail); border-radius: 8px; padding: .75rem; margin-bottom: .75rem; }
.error strong { color: var(--_fail); }
.fallback { white-space: pre-wrap; }

@media print {
  .toolbar, .panels, .tooltip, details.section > summary::before { display: none !important; }
  .layout { display: block; }
  mark.metric { background: none; }
}
@media (prefers-reduced-motion: reduce) {
  mark.flash, td.flash { animation: none; outline: 4px solid var(--_accent); }
  details.section > summary::before { transition: none; }
}
`;
