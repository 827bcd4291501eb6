import { Fragment } from 'react';
import { isParamActive } from '../../src/config/params.ts';
import { useLab } from '../store/useLabStore.ts';
import { configSelector } from '../store/selectors.ts';
import { DatasetPresetTip } from './DatasetPresetTip.tsx';
import { ParamField } from './ParamField.tsx';
import { PARAM_GROUPS } from './paramGroups.ts';

/** Every experiment setting, grouped; settings that do not apply to this config are left out. */
export function ControlPanel() {
  const config = useLab(configSelector);
  return (
    <div className="controls">
      {PARAM_GROUPS.map(({ group, title, params }) => (
        <fieldset key={group} className="controls__group">
          <legend>{title}</legend>
          {params
            .filter((param) => isParamActive(param, config))
            .map((param) => (
              <Fragment key={param.key}>
                <ParamField param={param} config={config} />
                {param.key === 'data' && <DatasetPresetTip config={config} />}
              </Fragment>
            ))}
        </fieldset>
      ))}
    </div>
  );
}
