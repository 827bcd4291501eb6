/**
 * Ready experiments for the page's menu and `--list-presets`. Each is a plain, complete,
 * canonical link (what encodeLink writes), so a preset is exactly what sharing it gives.
 * First values follow DESIGN.md's prototype notes (class-balanced curriculum, fresh
 * student, labelled points weighted up); they are to be tuned by measuring with the CLI.
 */
import type { DatasetName } from './schema.ts';

export interface Preset {
  name: string;
  dataset: DatasetName;
  /** 'gain': self-training clearly helps; 'bias': pseudo-label accuracy falls (confirmation bias). */
  kind: 'gain' | 'bias';
  description: string;
  link: string;
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'Two moons from 8 labels',
    dataset: 'moons',
    kind: 'gain',
    description: 'Eight labelled points, a curriculum that admits the most confident fifth of each class per generation.',
    link:
      'v=1&data=moons&labels=8&noise=10&classes=2&pool=1000&test=1000&model=mlp&hidden=16,16&act=tanh&dropout=0&inoise=0' +
      '&opt=adam&lr=0.03&l2=0&batch=16&epochs=30&select=curriculum&tau=0.9&percent=20&k=50&soft=0&temperature=0.5' +
      '&lweight=3&student=fresh&gens=5&seed=42&backend=auto',
  },
  {
    name: 'Circle from 8 labels',
    dataset: 'circle',
    kind: 'gain',
    description: 'A ring around a disc from eight labels; the pool fills in the round boundary.',
    link:
      'v=1&data=circle&labels=8&noise=10&classes=2&pool=1000&test=1000&model=mlp&hidden=16,16&act=tanh&dropout=0&inoise=0' +
      '&opt=adam&lr=0.03&l2=0&batch=16&epochs=30&select=curriculum&tau=0.9&percent=20&k=50&soft=0&temperature=0.5' +
      '&lweight=3&student=fresh&gens=5&seed=42&backend=auto',
  },
  {
    name: 'Three blobs from 12 labels',
    dataset: 'gauss',
    kind: 'gain',
    description: 'Three overlapping Gaussian blobs, four labels each.',
    link:
      'v=1&data=gauss&labels=12&noise=25&classes=3&pool=1000&test=1000&model=mlp&hidden=16,16&act=tanh&dropout=0&inoise=0' +
      '&opt=adam&lr=0.03&l2=0&batch=16&epochs=30&select=curriculum&tau=0.9&percent=20&k=50&soft=0&temperature=0.5' +
      '&lweight=3&student=fresh&gens=5&seed=42&backend=auto',
  },
  {
    name: 'Xor from 16 labels',
    dataset: 'xor',
    kind: 'gain',
    description: 'Four quadrants from sixteen labels, with input noise on the student.',
    link:
      'v=1&data=xor&labels=16&noise=5&classes=2&pool=1000&test=1000&model=mlp&hidden=16,16&act=tanh&dropout=0&inoise=0.2' +
      '&opt=adam&lr=0.03&l2=0&batch=16&epochs=40&select=curriculum&tau=0.9&percent=20&k=50&soft=0&temperature=0.5' +
      '&lweight=3&student=fresh&gens=5&seed=42&backend=auto',
  },
  {
    name: 'Spiral from 40 labels',
    dataset: 'spiral',
    kind: 'gain',
    description: 'Two interleaved arms: a wider network and longer training per generation.',
    link:
      'v=1&data=spiral&labels=40&noise=0&classes=2&pool=1000&test=1000&model=mlp&hidden=32,32&act=tanh&dropout=0&inoise=0' +
      '&opt=adam&lr=0.01&l2=0&batch=16&epochs=100&select=curriculum&tau=0.9&percent=20&k=50&soft=0&temperature=0.5' +
      '&lweight=3&student=fresh&gens=5&seed=42&backend=auto',
  },
  {
    name: 'Confirmation bias on moons',
    dataset: 'moons',
    kind: 'bias',
    description:
      'Four labels, a warm-started student, a very high threshold and no noise: early mistakes are admitted with high confidence and locked in.',
    link:
      'v=1&data=moons&labels=4&noise=0&classes=2&pool=1000&test=1000&model=mlp&hidden=16,16&act=tanh&dropout=0&inoise=0' +
      '&opt=adam&lr=0.03&l2=0&batch=16&epochs=30&select=threshold&tau=0.99&percent=20&k=50&soft=0&temperature=0.5' +
      '&lweight=1&student=warm&gens=8&seed=42&backend=auto',
  },
];
