/** Task indices in order, taken from the front. */
interface Queue {
  ids: number[];
  head: number;
}

const left = (q: Queue) => q.ids.length - q.head;

/**
 * A pass's tasks (by index) by the worker that should run them: each worker's own first (the
 * files whose parse it may keep, see Pool.keepTrees), then the tasks no worker holds, in order
 * and so in consecutive runs as before; a worker with neither takes another's, the longest
 * queue's first, so no worker idles while work is left.
 */
export class TaskQueues<S> {
  private readonly own = new Map<S, Queue>();
  private readonly rest: Queue = { ids: [], head: 0 };

  constructor(count: number, homeOf: (task: number) => S | undefined) {
    for (let i = 0; i < count; i++) {
      const home = homeOf(i);
      let q = home === undefined ? this.rest : this.own.get(home);
      if (!q) this.own.set(home!, (q = { ids: [], head: 0 }));
      q.ids.push(i);
    }
  }

  /** Up to `n` tasks for the worker `slot`; none when every task is taken. */
  take(slot: S, n: number): number[] {
    const mine = this.own.get(slot);
    const from = mine && left(mine) > 0 ? mine : left(this.rest) > 0 ? this.rest : this.longest();
    if (!from) return [];
    const ids = from.ids.slice(from.head, from.head + n);
    from.head += ids.length;
    return ids;
  }

  private longest(): Queue | undefined {
    let found: Queue | undefined;
    for (const q of this.own.values())
      if (left(q) > 0 && (!found || left(q) > left(found))) found = q;
    return found;
  }
}
