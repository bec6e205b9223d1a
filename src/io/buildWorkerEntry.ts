import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildReply, BuildRequest, EngineSource } from './buildWorker.ts';
import { buildEncoded, encodedArrays, type EncodedEngine } from './engineCodec.ts';
import { cacheFile, corpusKey, readSavedEncoded, writeSavedEngine } from './indexCache.ts';
import { loadCorpus } from './seedLoader.ts';

const BUILD_NICENESS = 10;

// The worker thread of buildWorker.ts: one request in, one reply out, then the thread ends.
const request = workerData as BuildRequest;
// On Linux a thread has its own nice value: a lower priority for this one leaves the CPU to the
// thread answering questions whenever both want it (other systems may refuse; that is harmless).
try {
  setPriority(0, BUILD_NICENESS);
} catch {
  // not permitted here: the build runs at normal priority
}

async function run(): Promise<BuildReply> {
  const warnings: string[] = [];
  let encoded: EncodedEngine | undefined;
  let source: EngineSource = 'built (saved index disabled)';
  if (request.cacheDir !== null) {
    const file = cacheFile(request.cacheDir, request.seedsDir);
    const key = await corpusKey(request.seedsDir);
    const saved = request.ignoreSaved ? 'damaged' : await readSavedEncoded(file, key);
    if (typeof saved === 'string') {
      source = `built (saved index ${saved})`;
      encoded = await buildEncoded(() => loadCorpus(request.seedsDir));
      await writeSavedEngine(file, key, encoded).catch((error: unknown) => {
        warnings.push(`could not save the index to ${file}: ${error instanceof Error ? error.message : String(error)}`);
      });
    } else {
      source = 'saved';
      encoded = saved;
    }
  }
  encoded ??= await buildEncoded(() => loadCorpus(request.seedsDir));
  return { ok: true, arrays: encodedArrays(encoded), source, warnings };
}

run().then(
  (reply) => {
    const buffers = reply.ok ? [...new Set(reply.arrays.map((a) => a.buffer))] : [];
    parentPort?.postMessage(reply, buffers as ArrayBuffer[]);
  },
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies BuildReply),
);
