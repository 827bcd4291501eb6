import type { ParamSpec } from '../../src/config/params.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { labStore } from '../store/useLabStore.ts';
import { TextField } from './TextField.tsx';
import { withParam } from './paramGroups.ts';

interface ParamFieldProps {
  param: ParamSpec;
  config: ExperimentConfig;
}

const set = (param: ParamSpec, value: unknown) => {
  const { config, setConfig } = labStore.getState();
  setConfig(withParam(config, param.key, value));
};

/** One experiment setting: its label, its input and a line of help tied to it by aria-describedby. */
export function ParamField({ param, config }: ParamFieldProps) {
  // The class's own points come from a file (PointsImport), never typed.
  if (param.kind === 'points') return null;
  const id = `param-${param.key}`;
  const helpId = `${id}-help`;
  const value = config[param.key];
  let input;
  if (param.kind === 'enum') {
    input = (
      <select id={id} value={String(value)} aria-describedby={helpId} onChange={(event) => set(param, event.target.value)}>
        {param.values.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else if (param.kind === 'bool') {
    input = <input id={id} type="checkbox" checked={value === true} aria-describedby={helpId} onChange={(event) => set(param, event.target.checked)} />;
  } else {
    input = <TextField id={id} helpId={helpId} param={param} config={config} onCommit={(text) => set(param, text)} />;
  }
  return (
    <div className={`field field--${param.kind}`}>
      <label htmlFor={id}>{param.label}</label>
      {input}
      <p className="field__help" id={helpId}>
        {param.help}
      </p>
    </div>
  );
}
