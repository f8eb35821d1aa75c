namespace Portal.Core.Inspection;

/// <summary>
/// One inspection run at a time in this process (a singleton): the background service and
/// 重新检查 both go through it, and whoever finds it taken is refused instead of queued, so
/// thirty clicks make one run, not thirty overlapping ones.
/// </summary>
public sealed class InspectionGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>Whether a run is going on now.</summary>
    public bool IsBusy => _semaphore.CurrentCount == 0;

    /// <summary>Takes the gate if it is free; dispose the answer to free it. Null while a run is going on.</summary>
    public IDisposable? TryEnter() => _semaphore.Wait(0) ? new Release(_semaphore) : null;

    public void Dispose() => _semaphore.Dispose();

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
