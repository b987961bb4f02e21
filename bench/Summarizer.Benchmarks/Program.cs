using Summarizer.Benchmarks;
using Summarizer.Testing;

// Usage: dotnet run -c Release --project bench/Summarizer.Benchmarks -- plan [articles] [words] [chunk-tokens]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- rerun
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- quota [articles] [tpm] [rpm] [concurrency] [sliding|ten] [headers|configured] [ms-per-token] [fixed]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- quota-table [articles] [tpm] [rpm] [ms-per-token]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- quota-seeds [fixed]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- wire
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- startup [runs] [cli-binary...]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- plan-memory [articles...]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- fuzz [files] [seed] [huge-chars]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- segmentation [details]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- ingest [articles] [repetitions]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- previous-build [folder]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- exchange [articles] [sentences]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- batch [articles] [words]
var verb = args.ElementAtOrDefault(0) ?? "plan";
int Arg(int index, int fallback) => int.TryParse(args.ElementAtOrDefault(index), out var value) ? value : fallback;
double? Number(int index, double? fallback = null) =>
    double.TryParse(args.ElementAtOrDefault(index), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
QuotaWindows Windows(int index) => args.ElementAtOrDefault(index) == "sliding" ? QuotaWindows.SlidingMinute : QuotaWindows.TenSeconds;
return verb switch
{
    "plan" => await PlanBenchmark.RunAsync(Arg(1, 1000), Arg(2, 500), Arg(3, 600)),
    "rerun" => await RerunBenchmark.RunAsync(),
    "ingest" => IngestBenchmark.Run(Arg(1, 1000), Arg(2, 7)),
    "exchange" => ExchangeBenchmark.Run(Arg(1, 1000), Arg(2, 30)),
    "batch" => await BatchBenchmark.RunAsync(Arg(1, 200), Arg(2, 500)),
    "segmentation" => SegmentationBenchmark.Run(args.ElementAtOrDefault(1) == "details"),
    "wire" => await WireCapture.RunAsync(),
    "startup" => await StartupBenchmark.RunAsync(Arg(1, 7), args.Skip(2).ToList()),
    "plan-memory" => await PlanMemoryBenchmark.RunAsync(args.Length > 1 ? args.Skip(1).Select(int.Parse).ToList() : [1000, 4000, 8000], words: 500),
    "fuzz" => await FuzzBenchmark.RunAsync(Arg(1, 3000), Arg(2, 20261128), Arg(3, 60_000)),
    "quota" => await QuotaBenchmark.RunAsync(new QuotaCell(
        Arg(1, 40), Arg(2, 120_000), Arg(3, 600), Arg(4, 4), Windows(5), args.ElementAtOrDefault(6) == "configured", Number(7, 0.3)!.Value, null, args.ElementAtOrDefault(8) == "fixed")),
    "previous-build" => await PreviousBuild(args.ElementAtOrDefault(1) ?? PreviousBuildJob.Folder),
    "quota-table" => await QuotaBenchmark.RunTableAsync(Arg(1, 40), Arg(2, 120_000), Arg(3, 600), Number(4, 0.3)!.Value),

    // The five seeds with no throttling: what share of the charged tokens (prompt + max_tokens) is used.
    "quota-seeds" => await QuotaBenchmark.RunAsync(new QuotaCell(5, 100_000_000, 100_000, 4, QuotaWindows.SlidingMinute, false, 0, RepositoryPaths.Seeds, args.ElementAtOrDefault(1) == "fixed")),
    _ => Fail($"unknown benchmark '{verb}'; known: plan, rerun, quota, quota-table, quota-seeds, wire, startup, plan-memory, fuzz, segmentation, ingest, previous-build, exchange, batch"),
};

// Not a benchmark: writes the job store and outputs the cache-compatibility test reads (TestData/previous-build/README.md).
static async Task<int> PreviousBuild(string folder)
{
    var jobId = await PreviousBuildJob.GenerateAsync(folder);
    Console.WriteLine($"job {jobId} written to {folder}");
    return 0;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 1;
}
