// Worker entry: registers tsx so the converters can stay TypeScript, then loads them.
import { register } from 'tsx/esm/api';

register();
await import('./sandbox-worker.ts');
