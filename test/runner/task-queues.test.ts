import { describe, expect, it } from "vitest";
import { TaskQueues } from "../../src/runner/task-queues.js";

describe("task queues (the pool's affinity)", () => {
  it("gives a worker its own tasks first, then the rest in order, then another's", () => {
    // Tasks 0-9: 1, 4, 7 are A's (it may hold their trees), 2 and 5 are B's, the rest nobody's.
    const homes: Record<number, string> = { 1: "A", 4: "A", 7: "A", 2: "B", 5: "B" };
    const q = new TaskQueues(10, (i) => homes[i]);
    expect(q.take("A", 2)).toEqual([1, 4]);
    expect(q.take("A", 2)).toEqual([7]);
    expect(q.take("A", 2)).toEqual([0, 3]);
    expect(q.take("B", 3)).toEqual([2, 5]);
    expect(q.take("B", 3)).toEqual([6, 8, 9]);
    expect(q.take("A", 3)).toEqual([]);
  });

  it("lets an idle worker take another's tasks, the longest queue's first", () => {
    const homes: Record<number, string> = { 0: "A", 1: "B", 2: "B", 3: "B" };
    const q = new TaskQueues(4, (i) => homes[i]);
    expect(q.take("C", 1)).toEqual([1]);
    expect(q.take("A", 5)).toEqual([0]);
    expect(q.take("A", 5)).toEqual([2, 3]);
    expect(q.take("B", 5)).toEqual([]);
  });

  it("runs tasks no worker holds in consecutive batches, as without affinity", () => {
    const q = new TaskQueues<string>(7, () => undefined);
    expect([q.take("A", 3), q.take("B", 3), q.take("A", 3)]).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });
});
