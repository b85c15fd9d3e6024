namespace DroneLiquid.Evaluation.Flying;

/// <summary>
/// Runs episodes on worker threads, each with its own state (runner, policy), taking the next episode from a shared
/// counter; results land at their episode's position, so the output never depends on scheduling. The first failure
/// stops the other workers and is rethrown.
/// </summary>
public static class EpisodeParallel
{
    /// <summary>Workers used when the caller does not choose: one per core.</summary>
    public static int DefaultWorkers => Environment.ProcessorCount;

    public static TResult[] Run<TWorker, TResult>(int count, int workers, Func<TWorker> createWorker, Func<TWorker, int, TResult> run, Action<int>? completed = null)
        where TWorker : class
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        var results = new TResult[count];
        int next = -1;
        int done = 0;
        var failures = new List<Exception>();
        var threads = new Thread[Math.Min(workers, Math.Max(1, count))];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                TWorker? worker = null;
                try
                {
                    worker = createWorker();
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < count)
                    {
                        lock (failures)
                        {
                            if (failures.Count > 0)
                            {
                                return;
                            }
                        }

                        results[i] = run(worker, i);
                        completed?.Invoke(Interlocked.Increment(ref done));
                    }
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex);
                    }
                }
                finally
                {
                    (worker as IDisposable)?.Dispose();
                }
            })
            {
                IsBackground = true,
                Name = $"episode worker {t}",
            };
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (failures.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failures[0]).Throw();
        }

        return results;
    }
}
