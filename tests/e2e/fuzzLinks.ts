import { createRng } from '../../src/data/rng.ts';

const KEYS = [
  'v', 'data', 'labels', 'noise', 'classes', 'pool', 'test', 'model', 'hidden', 'filters', 'act', 'dropout', 'inoise', 'shift', 'mixup', 'opt', 'lr', 'l2',
  'batch', 'epochs', 'select', 'tau', 'percent', 'k', 'soft', 'temperature', 'lweight', 'student', 'gens', 'students', 'critic', 'agree', 'audit', 'gate', 'seed', 'backend', 'labeler',
];
const NASTY_VALUES = [
  '', '-1', '0', '1e308', '-1e308', 'NaN', 'Infinity', '-Infinity', '0x10', '1,2,3,4,5,6,7,8,9', '999999999999999999999',
  '%', '%%', '%E0%A4%A', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '__proto__', 'constructor',
  'spiral', 'mnist', 'webgpu', 'sgd', 'tanh', '16,16', ',,,', '1.5.5', 'true', 'null', 'undefined', '😀', '\u0000', ' 3 ',
  'cnn', 'onnx', '8,16,32,64', 'committee', 'none',
];
const NASTY_WHOLE = [
  '#', '#v=1', '#v=999', '#v=-1&data=nope', '#&&&&', '#=', '#==&==', '#__proto__=1&constructor=2', '#data=spiral&data=xor',
  '#' + 'a'.repeat(20_000), '#v=1&' + 'labels=1&'.repeat(2_000), '#%zz', '#data=%E0%A4%A', '#hidden=' + '9,'.repeat(500),
  '#seed=-5&gens=0&epochs=0&batch=0', '#lr=0&tau=2&percent=-5&k=1e9', '#pool=0&test=0&labels=0',
  '#data=moons&model=cnn&shift=2&mixup=2', '#students=17&students=0', '#students=2.5', '#data=mnist&model=cnn&filters=0,999&shift=-3', '#labeler=onnx&labeler=engine',
  '#critic=committee&agree=17&students=2', '#critic=committee&agree=0', '#critic=jury&agree=2.5',
  '#gate=1&audit=0', '#gate=2&audit=501', '#audit=-3&gate=yes', '#data=mnist&labels=500&audit=500&pool=60000', '#audit=500&labels=500&pool=10&data=gauss&classes=6',
];

/** Malformed and hostile share links, reproducible from a seed. */
export function fuzzLinks(count: number, seed: number): string[] {
  const rng = createRng(seed);
  const links = [...NASTY_WHOLE];
  const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)];
  while (links.length < count) {
    const parts: string[] = [];
    const n = rng.int(8) + 1;
    for (let i = 0; i < n; i++) {
      const key = rng.next() < 0.85 ? pick(KEYS) : pick(NASTY_VALUES);
      const value = rng.next() < 0.5 ? pick(NASTY_VALUES) : String(Math.round((rng.next() - 0.3) * 10 ** rng.int(7)));
      parts.push(rng.next() < 0.1 ? key : `${encodeURIComponent(key)}=${rng.next() < 0.8 ? encodeURIComponent(value) : value}`);
    }
    links.push('#' + (rng.next() < 0.7 ? 'v=1&' : '') + parts.join(rng.next() < 0.9 ? '&' : ';'));
  }
  return links.slice(0, count);
}
