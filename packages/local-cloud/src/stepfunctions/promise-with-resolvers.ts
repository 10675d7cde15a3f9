/**
 * aws-local-stepfunctions 3 calls `Promise.withResolvers` (ES2024, Node 22) inside every Task state; on Node 20,
 * which the project still develops and tests on, every Task would fail with a TypeError. Imported for its side
 * effect, before anything runs a state machine.
 */
interface PromiseWithResolversResult<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

// The project's `lib` is ES2023, which does not declare the method this module exists to add.
const promiseConstructor = Promise as PromiseConstructor & {
  withResolvers?: <T>() => PromiseWithResolversResult<T>;
};

if (typeof promiseConstructor.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>(): PromiseWithResolversResult<T> {
      let resolve: PromiseWithResolversResult<T>['resolve'] = () => {};
      let reject: PromiseWithResolversResult<T>['reject'] = () => {};
      const promise = new Promise<T>((onResolve, onReject) => {
        resolve = onResolve;
        reject = onReject;
      });
      return { promise, resolve, reject };
    },
  });
}
