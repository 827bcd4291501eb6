// `npm start`: install what is missing, then serve the app at http://localhost:5173.
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureWasm } from './ensure.mjs';

ensureDependencies();
await ensureWasm();
const vite = spawn('npx', ['vite', '--port', '5173', '--strictPort', ...process.argv.slice(2)], { stdio: 'inherit' });
vite.on('exit', (code) => process.exit(code ?? 0));
