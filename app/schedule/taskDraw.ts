/**
 * Runs `draw` in a task of its own, soon after `schedule` is called, once however often
 * it was called meanwhile. A generation's message then costs the main thread several
 * short tasks (the React update, each chart, the 2-D view) instead of one long one,
 * which matters on a small machine where the training worker holds a core.
 */
export function createTaskDraw(draw: () => void): { schedule(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        draw();
      }, 0);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
