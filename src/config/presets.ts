/**
 * Ready experiments for the page's menu and `--list-presets`. Each is a plain, complete,
 * canonical link (what encodeLink writes), so a preset is exactly what sharing it gives.
 * The gain presets share one recipe, chosen by measuring with the CLI over seeds (see
 * bench/presets.md): the top 30 more pseudo-labels per class each generation, soft labels,
 * a warm-started student that trains with input noise and dropout, labelled points weighted
 * up twentyfold. Pool 500 keeps each run to about half a second on a laptop's CPU.
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
    name: 'Two moons from 18 labels',
    dataset: 'moons',
    kind: 'gain',
    description:
      "Nine labels per moon; each generation the student, trained with noise, learns from 30 more of the teacher's surest points per class.",
    link:
      'v=1&data=moons&labels=18&noise=10&classes=2&pool=500&test=1000&model=mlp&hidden=8,8&filters=8,16&act=tanh&dropout=0.1&' +
      'inoise=0.8&shift=0&mixup=0&opt=adam&lr=0.03&l2=0&batch=16&epochs=50&pretrain=none&pepochs=5&pnoise=0.5&select=balanced&tau=0.9&percent=20&k=30&soft=1&' +
      'temperature=0.5&lweight=20&student=warm&gens=10&students=1&critic=none&agree=2&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'Circle from 12 labels',
    dataset: 'circle',
    kind: 'gain',
    description:
      'A ring around a disc from twelve labels; the pool fills in the round boundary the labels alone miss.',
    link:
      'v=1&data=circle&labels=12&noise=10&classes=2&pool=500&test=1000&model=mlp&hidden=8,8&filters=8,16&act=tanh&dropout=0.1&' +
      'inoise=0.8&shift=0&mixup=0&opt=adam&lr=0.03&l2=0&batch=16&epochs=50&pretrain=none&pepochs=5&pnoise=0.5&select=balanced&tau=0.9&percent=20&k=30&soft=1&' +
      'temperature=0.5&lweight=20&student=warm&gens=8&students=1&critic=none&agree=2&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'Four blobs from one label each',
    dataset: 'gauss',
    kind: 'gain',
    description:
      'Four Gaussian blobs, one labelled point each: the unlabelled points show where each blob really lies.',
    link:
      'v=1&data=gauss&labels=4&noise=10&classes=4&pool=500&test=1000&model=mlp&hidden=8,8&filters=8,16&act=tanh&dropout=0.1&' +
      'inoise=0.8&shift=0&mixup=0&opt=adam&lr=0.03&l2=0&batch=16&epochs=50&pretrain=none&pepochs=5&pnoise=0.5&select=balanced&tau=0.9&percent=20&k=30&soft=1&' +
      'temperature=0.5&lweight=20&student=warm&gens=4&students=1&critic=none&agree=2&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'Xor from 16 labels',
    dataset: 'xor',
    kind: 'gain',
    description:
      'Four quadrants from sixteen labels; pseudo-labels push the boundaries into the gaps along the axes.',
    link:
      'v=1&data=xor&labels=16&noise=10&classes=2&pool=500&test=1000&model=mlp&hidden=8,8&filters=8,16&act=tanh&dropout=0.1&' +
      'inoise=0.8&shift=0&mixup=0&opt=adam&lr=0.03&l2=0&batch=16&epochs=50&pretrain=none&pepochs=5&pnoise=0.5&select=balanced&tau=0.9&percent=20&k=30&soft=1&' +
      'temperature=0.5&lweight=20&student=warm&gens=8&students=1&critic=none&agree=2&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'Spiral from 30 labels',
    dataset: 'spiral',
    kind: 'gain',
    description:
      'Two interleaved arms, a wider network and longer training: the generations gain, but no more than longer training gives the labels alone.',
    link:
      'v=1&data=spiral&labels=30&noise=0&classes=2&pool=500&test=1000&model=mlp&hidden=16,16&filters=8,16&act=tanh&dropout=0&' +
      'inoise=0.2&shift=0&mixup=0&opt=adam&lr=0.01&l2=0&batch=16&epochs=100&pretrain=none&pepochs=5&pnoise=0.5&select=balanced&tau=0.9&percent=20&k=30&soft=1&' +
      'temperature=0.5&lweight=20&student=warm&gens=8&students=1&critic=none&agree=2&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'Confirmation bias on moons',
    dataset: 'moons',
    kind: 'bias',
    description:
      "Eight labels, a warm-started student and no noise; each generation admits a third more of the pool, the teacher's surest first. The student learns the teacher's mistakes and keeps them: on every seed pseudo-label accuracy falls as the generations go, and the last generation is no better than generation 0.",
    link:
      'v=1&data=moons&labels=8&noise=0&classes=2&pool=500&test=1000&model=mlp&hidden=16,16&filters=8,16&act=tanh&dropout=0&' +
      'inoise=0&shift=0&mixup=0&opt=adam&lr=0.03&l2=0&batch=16&epochs=10&pretrain=none&pepochs=5&pnoise=0.5&select=curriculum&tau=0.99&percent=34&k=50&soft=0&' +
      'temperature=0.5&lweight=1&student=warm&gens=10&students=1&critic=none&agree=2&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'The recipe tunes itself',
    dataset: 'moons',
    kind: 'gain',
    description:
      "A recipe that hurts: soft labels at temperature 5 are nearly flat, and with labels weighted no more than pseudo-labels the students unlearn the moons. Six students a generation try one knob changed each (learning rate, hard labels, noise, dropout, k); a bandit gives more of them to the recipes that gain most on 100 checked examples, and the run ends about 10 points above the same setup without the search.",
    link:
      'v=1&data=moons&labels=18&noise=10&classes=2&pool=500&test=1000&model=mlp&hidden=8,8&filters=8,16&act=tanh&dropout=0.1&' +
      'inoise=0.8&shift=0&mixup=0&opt=adam&lr=0.03&l2=0&batch=16&epochs=30&pretrain=none&pepochs=5&pnoise=0.5&select=balanced&tau=0.9&percent=20&k=50&soft=1&' +
      'temperature=5&lweight=1&student=warm&gens=6&students=6&critic=none&agree=2&audit=100&gate=0&search=bandit&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'A critic against confirmation bias',
    dataset: 'moons',
    kind: 'bias',
    description:
      "The confirmation-bias preset with a critic: eight students, each with its own dropout and input noise, and a pseudo-label survives only where all eight agree with the teacher. The critic's vetoes are right about half the time, but the students learn the teacher's mistakes with it, so pseudo-label accuracy still falls and the last generation is hardly better than without a critic.",
    link:
      'v=1&data=moons&labels=8&noise=0&classes=2&pool=500&test=1000&model=mlp&hidden=16,16&filters=8,16&act=tanh&dropout=0.1&' +
      'inoise=0.3&shift=0&mixup=0&opt=adam&lr=0.03&l2=0&batch=16&epochs=10&pretrain=none&pepochs=5&pnoise=0.5&select=curriculum&tau=0.99&percent=34&k=50&soft=0&' +
      'temperature=0.5&lweight=1&student=warm&gens=10&students=8&critic=committee&agree=8&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'MNIST, 100 labels',
    dataset: 'mnist',
    kind: 'gain',
    description:
      'Ten labelled digits per class and a 10,000-image pool: a small CNN first warms up on the pool by telling how each image was turned (no label used), then, trained with random shifts of up to 2 pixels and dropout, labels 100 more of its surest images per class in each of ten generations and learns from them (2.4 MB to download).',
    link:
      'v=1&data=mnist&labels=100&noise=10&classes=10&pool=10000&test=2000&model=cnn&hidden=64&filters=8,16&act=relu&dropout=0.2&' +
      'inoise=0&shift=2&mixup=0&opt=adam&lr=0.003&l2=0&batch=16&epochs=10&pretrain=rotate&pepochs=5&pnoise=0.5&select=balanced&tau=0.9&percent=20&k=100&soft=1&' +
      'temperature=0.5&lweight=5&student=warm&gens=10&students=1&critic=none&agree=2&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
  {
    name: 'Fashion-MNIST, 100 labels',
    dataset: 'fashion',
    kind: 'gain',
    description:
      'Ten labelled pictures per kind of clothing and a 4,900-image pool: the same small CNN warms up on the pool by telling how each picture was turned, then, trained with shifts of up to 1 pixel and mixup, labels 50 more of its surest images per class in each of five generations; shirts, pullovers and coats are where the pseudo-labels go wrong (2.9 MB to download).',
    link:
      'v=1&data=fashion&labels=100&noise=10&classes=10&pool=4900&test=2000&model=cnn&hidden=64&filters=8,16&act=relu&dropout=0.2&' +
      'inoise=0&shift=1&mixup=1&opt=adam&lr=0.003&l2=0&batch=16&epochs=10&pretrain=rotate&pepochs=5&pnoise=0.5&select=balanced&tau=0.9&percent=20&k=50&soft=1&' +
      'temperature=0.5&lweight=5&student=warm&gens=5&students=1&critic=none&agree=2&audit=0&gate=0&search=off&seed=42&backend=auto&labeler=engine',
  },
];
