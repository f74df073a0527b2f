/** Runs in the page: input latency of each key from keydown to the next frame, as a user feels it. */
export const installLatencyProbe = () => {
  const samples: number[] = [];
  (window as unknown as { latencySamples: number[] }).latencySamples = samples;
  document.addEventListener(
    'keydown',
    () => {
      const start = performance.now();
      requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
    },
    true,
  );
};
