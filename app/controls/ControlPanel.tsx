import { Fragment } from 'react';
import { isParamActive } from '../../src/config/params.ts';
import { isHidden } from '../../src/config/view.ts';
import { DATASETS } from '../../src/data/datasets.ts';
import { useLab } from '../store/useLabStore.ts';
import { configSelector, hideSelector } from '../store/selectors.ts';
import { DatasetPresetTip } from './DatasetPresetTip.tsx';
import { ParamField } from './ParamField.tsx';
import { PointsImport } from './PointsImport.tsx';
import { PARAM_GROUPS } from './paramGroups.ts';

/**
 * Every experiment setting, grouped; settings that do not apply to this config are left out,
 * and so are those the link hides (`hide=`, a group or single settings).
 */
export function ControlPanel() {
  const config = useLab(configSelector);
  const hide = useLab(hideSelector);
  const groups = PARAM_GROUPS.map(({ group, title, params }) => ({
    group,
    title,
    params: params.filter((param) => isParamActive(param, config) && !isHidden(hide, param.key, param.group)),
  }));
  return (
    <div className="controls">
      {groups
        .filter(({ params }) => params.length > 0)
        .map(({ group, title, params }) => (
          <fieldset key={group} className="controls__group">
            <legend>{title}</legend>
            {params.map((param) => (
              <Fragment key={param.key}>
                <ParamField param={param} config={config} />
                {param.key === 'data' && <DatasetPresetTip config={config} />}
                {param.key === 'data' && DATASETS[config.data].kind === 'custom' && <PointsImport config={config} />}
              </Fragment>
            ))}
          </fieldset>
        ))}
    </div>
  );
}
