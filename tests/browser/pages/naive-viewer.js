// The viewer a portal developer would write without govreport, as the
// floor govreport's browser figures are compared with
// (benches/js/browser.mjs): <naive-report src> fetches the text and shows
// it in a shadow root, one paragraph per line, with the figures the naive
// regular expression of benches/js/bench.mjs finds (Arabic number,
// optional 万/亿/余, one unit character) in <mark>s. No structure, no
// panels, no checks; text nodes only. ?mode=plain shows the text with no
// marks at all: what the browser alone takes to show it.
// Dispatches "naive-ready" when its DOM is built.
const NAIVE = /(\d+(?:\.\d+)?)(万|亿)?(余)?([个项件次名家条人处张%])/g;
const plain = new URLSearchParams(location.search).get('mode') === 'plain';

customElements.define('naive-report', class extends HTMLElement {
  async connectedCallback() {
    const text = await (await fetch(this.getAttribute('src'))).text();
    const t0 = performance.now();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host{display:block;line-height:1.8}p{margin:0 0 .5em}mark{background:#fff3bf}';
    root.append(style);
    const body = document.createDocumentFragment();
    for (const line of text.split(/\r?\n/)) {
      const p = document.createElement('p');
      if (plain) {
        p.textContent = line;
      } else {
        let at = 0;
        for (const m of line.matchAll(NAIVE)) {
          p.append(line.slice(at, m.index));
          const mark = document.createElement('mark');
          mark.textContent = m[0];
          p.append(mark);
          at = m.index + m[0].length;
        }
        p.append(line.slice(at));
      }
      body.append(p);
    }
    root.append(body);
    performance.measure('naive-render', { start: t0 });
    this.dispatchEvent(new Event('naive-ready'));
  }
});
