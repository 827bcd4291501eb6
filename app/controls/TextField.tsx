import type { ParamSpec } from '../../src/config/params.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { acceptsText, formatParamValue, withParam } from './paramGroups.ts';
import { useDraft } from './useDraft.ts';

interface TextFieldProps {
  id: string;
  helpId: string;
  param: Extract<ParamSpec, { kind: 'int' | 'float' | 'intList' }>;
  config: ExperimentConfig;
  /** Sets the setting from text; the config's validation clamps it. */
  onCommit(text: string): void;
}

/**
 * A number (or, for hidden layers, a comma list) a person types. Each valid keystroke
 * applies at once; a value out of range waits until the field is left, then is clamped,
 * and text that is no value at all is dropped.
 */
export function TextField({ id, helpId, param, config, onCommit }: TextFieldProps) {
  const value = formatParamValue(param, config);
  const draft = useDraft(value);
  const isList = param.kind === 'intList';
  // A log-scale setting steps by its own order of magnitude (0.03 -> 0.04); others by the table's step.
  const step = param.kind === 'float' && param.scale === 'log' ? 10 ** Math.floor(Math.log10(Number(value) || param.min)) : param.step;

  const change = (text: string) => {
    if (acceptsText(param, text)) {
      const next = withParam(config, param.key, text);
      draft.keep(text, formatParamValue(param, next));
      onCommit(text);
    } else {
      draft.keep(text, value);
    }
  };
  const leave = () => {
    const text = draft.shown.trim();
    draft.drop();
    if (text !== value && text !== '' && (isList || Number.isFinite(Number(text)))) onCommit(text);
  };

  return (
    <input
      id={id}
      type={isList ? 'text' : 'number'}
      inputMode={isList ? 'numeric' : 'decimal'}
      spellCheck={false}
      autoComplete="off"
      // A log scale has no fixed step base: without min, the browser steps from the value itself.
      min={param.kind === 'float' && param.scale === 'log' ? undefined : isList ? undefined : param.min}
      max={isList ? undefined : param.max}
      step={isList ? undefined : step}
      value={draft.shown}
      aria-describedby={helpId}
      onChange={(event) => change(event.target.value)}
      onBlur={leave}
      onKeyDown={(event) => {
        if (event.key === 'Enter') leave();
      }}
    />
  );
}
