using Summarizer.Core.Store;

namespace Summarizer.Core.Stages;

/// <summary>Where a job's calls are recorded and its validated answers cached; <see cref="UseCache"/> off forces calls.</summary>
/// <param name="Store">The job store.</param>
/// <param name="JobId">The job the calls belong to.</param>
/// <param name="Engine">The engine kind, part of every cache key.</param>
/// <param name="Model">The model or deployment, part of every cache key.</param>
/// <param name="UseCache">True to serve answers from the cache; answers are stored either way.</param>
public sealed record CallLedger(JobStore Store, string JobId, string Engine, string Model, bool UseCache);
