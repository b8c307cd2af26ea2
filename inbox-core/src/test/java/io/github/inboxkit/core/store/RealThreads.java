package io.github.inboxkit.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs tasks on real threads released at one moment, for the contracts' concurrency tests. */
final class RealThreads {

    private RealThreads() {}

    /**
     * Runs {@code tasks} tasks on {@code threads} threads, all waiting for one start signal, and
     * returns their results in task order.
     *
     * @param threads the pool's threads
     * @param tasks how many tasks
     * @param task the i-th task
     * @param <T> what a task returns
     * @return the results, index for index
     * @throws Exception the first task's failure, or a timeout after 60 seconds a task
     */
    static <T> List<T> run(int threads, int tasks, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                Callable<T> callable = () -> {
                    start.await();
                    return task.apply(index);
                };
                futures.add(pool.submit(callable));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
