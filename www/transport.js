// The report as the wasm module hands it over (src/transport.rs): one byte
// buffer, turned here into exactly the object JSON.parse would make of the
// report's JSON — the same keys in the same order, the same values — without
// JSON text to write, decode or parse.

const VERSION = 1;
const NONE = 0xffffffff;
const QUALIFIERS = ['exact', 'over', 'nearly', 'about', 'at_least', 'at_most'];
const KINDS = ['count', 'percent', 'percentage_point', 'money', 'rank', 'other'];
const STATUSES = ['pass', 'warn', 'fail'];
// ignoreBOM: a U+FEFF at the start of the strings is text, not a mark to drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The report in `bytes` (a Uint8Array from `parseReport` or `renderReport`).
 * @param {Uint8Array} bytes
 */
export function decodeReport(bytes) {
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const head = new Uint32Array(bytes.buffer, bytes.byteOffset, 4);
  if (head[0] !== VERSION) throw new Error(`govreport: the wasm module and govreport.js are from different builds (report layout ${head[0]}, expected ${VERSION})`);
  const nf = head[1], nw = head[2], nt = head[3];
  const F = new Float64Array(bytes.buffer, bytes.byteOffset + 16, nf);
  const W = new Uint32Array(bytes.buffer, bytes.byteOffset + 16 + nf * 8, nw);
  const S = utf8.decode(bytes.subarray(16 + nf * 8 + nw * 4, 16 + nf * 8 + nw * 4 + nt));
  let f = 0, w = 0, p = 0;

  // JSON has no NaN or infinity: serde_json writes null.
  const num = () => { const x = F[f++]; return Number.isFinite(x) ? x : null; };
  const str = () => { const n = W[w++]; return n === NONE ? null : S.slice(p, (p += n)); };
  const span = () => [W[w++], W[w++]];
  const list = (read) => { const a = []; for (let n = W[w++]; n > 0; n--) a.push(read()); return a; };
  const item = () => ({ marker: str(), title: str(), span: span() });
  const section = () => ({
    id: str(), level: W[w++], marker: str(), title: str(),
    span: span(), heading_span: span(), body_span: span(),
    children: list(section), items: list(item),
  });
  const metric = () => ({
    id: str(), text: str(), span: span(), value: num(), upper: W[w++] ? num() : null,
    unit: str(), qualifier: QUALIFIERS[W[w++]], kind: KINDS[W[w++]], change: W[w++] === 1,
    subject: str(), indicator: str(), section: str(),
  });
  const check = () => ({ id: str(), status: STATUSES[W[w++]], message: str(), metrics: list(str), section: str() });
  const field = () => ({ label: str(), value: str() });

  return {
    title: str(),
    meta: { index_no: str(), doc_no: str(), issued: str(), published: str(), publisher: str(), fields: list(field) },
    year: W[w++] ? W[w++] | 0 : null,
    sections: list(section),
    metrics: list(metric),
    checks: list(check),
    warnings: list(str),
    preamble: span(),
    furniture: list(span),
    items: list(item),
    length: W[w++],
  };
}
