/**
 * Loaded with `--import` before `npm start`'s entry point by the process tests: SIGUSR2 then throws
 * an error nothing catches, as a defect would, at a moment the test chooses.
 */
process.on('SIGUSR2', () => {
  throw new Error('injected failure for the test');
});
