// Worker entry of the parse pool: registers tsx so the importer can stay TypeScript, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
