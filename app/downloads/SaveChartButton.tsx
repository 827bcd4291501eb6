import { useState, type RefObject } from 'react';
import type { LegendEntry } from '../charts/ChartLegend.tsx';
import { chartPng } from './chartImage.ts';
import { saveFile } from './saveFile.ts';

interface SaveChartButtonProps {
  /** The chart's uPlot container: its canvas is the plot. */
  plotRef: RefObject<HTMLDivElement | null>;
  title: string;
  legend: readonly LegendEntry[];
  /** Its name in the button ("accuracy chart") and the file's (`moons-accuracy.png`). */
  name: string;
  fileName: string;
}

/** Saves the chart as it stands, with its title and legend, as a PNG for a worksheet. */
export function SaveChartButton({ plotRef, title, legend, name, fileName }: SaveChartButtonProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const save = async () => {
    try {
      const plot = plotRef.current?.querySelector('canvas');
      if (!plot) throw new Error('the chart is not drawn yet');
      saveFile({ name: fileName, type: 'image/png', data: await chartPng(plot, title, legend) });
      setFailure(null);
    } catch (error) {
      setFailure(`Could not save the chart: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <p className="save-button">
      <button type="button" className="button button--small" onClick={() => void save()}>
        Save {name} (PNG)
      </button>
      {failure && <span role="alert">{failure}</span>}
    </p>
  );
}
