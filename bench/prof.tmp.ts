import { loadCorpus } from '/work/main/src/io/seedLoader.ts';
import { buildEngine } from '/work/main/src/core/engine.ts';
const corpus = await loadCorpus(process.argv[2]!);
const t = performance.now();
buildEngine(corpus);
console.log('build', performance.now() - t);
