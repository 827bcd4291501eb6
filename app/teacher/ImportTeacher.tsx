import { useRef, useState, type ChangeEvent } from 'react';
import type { WorkerClient } from '../worker/workerClient.ts';

/**
 * A visitor's .onnx classifier as generation 0's teacher. The file goes to the worker with the
 * next run, which checks its shapes against the dataset (a misfit or an unreadable file stops
 * that run with a message; the settings stay). Not part of the link: a file cannot travel in one.
 */
export function ImportTeacher({ client }: { client: WorkerClient }) {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    try {
      client.setTeacher({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      setChosen(`${file.name} (${Math.max(1, Math.round(file.size / 1024))} kB)`);
      setFailure(null);
    } catch (error) {
      setFailure(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const remove = () => {
    client.setTeacher(null);
    setChosen(null);
    if (input.current) input.current.value = '';
  };

  return (
    <section className="teacher" aria-labelledby="teacher-heading">
      <h2 id="teacher-heading" className="teacher__heading">
        Teacher for generation 0
      </h2>
      <label className="teacher__pick">
        Import a model (.onnx)
        <input ref={input} type="file" accept=".onnx" onChange={choose} />
      </label>
      {chosen ? (
        <p className="teacher__note">
          {chosen} labels the pool for generation 0 in the next run.{' '}
          <button type="button" className="button" onClick={remove}>
            Remove teacher
          </button>
        </p>
      ) : (
        <p className="teacher__note">Optional: a classifier taking [N, 2] points or [N, 1, 28, 28] images and giving [N, classes].</p>
      )}
      {failure && (
        <p className="teacher__failure" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
