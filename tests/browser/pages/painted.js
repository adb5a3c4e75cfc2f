// Timing helper for the bench pages (perf.js, after-ready.html).

/**
 * Resolves with performance.now() once the next frame's style, layout and
 * paint are done: a requestAnimationFrame callback runs before them, and a
 * message posted from it is handled after them.
 */
export const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(null);
}));
