using Summarizer.Benchmarks;

// Usage: dotnet run -c Release --project bench/Summarizer.Benchmarks -- plan [articles] [words] [chunk-tokens]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- rerun
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- quota [articles] [tpm] [rpm] [concurrency]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- wire
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- startup [runs] [cli-binary...]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- plan-memory [articles...]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- fuzz [files] [seed] [huge-chars]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- segmentation [details]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- ingest [articles] [repetitions]
var verb = args.ElementAtOrDefault(0) ?? "plan";
int Arg(int index, int fallback) => int.TryParse(args.ElementAtOrDefault(index), out var value) ? value : fallback;
return verb switch
{
    "plan" => await PlanBenchmark.RunAsync(Arg(1, 1000), Arg(2, 500), Arg(3, 600)),
    "rerun" => await RerunBenchmark.RunAsync(),
    "ingest" => IngestBenchmark.Run(Arg(1, 1000), Arg(2, 7)),
    "segmentation" => SegmentationBenchmark.Run(args.ElementAtOrDefault(1) == "details"),
    "quota" => await QuotaBenchmark.RunAsync(Arg(1, 200), Arg(2, 3_000_000), Arg(3, 1_500), Arg(4, 32)),
    "wire" => await WireCapture.RunAsync(),
    "startup" => await StartupBenchmark.RunAsync(Arg(1, 7), args.Skip(2).ToList()),
    "plan-memory" => await PlanMemoryBenchmark.RunAsync(args.Length > 1 ? args.Skip(1).Select(int.Parse).ToList() : [1000, 4000, 8000], words: 500),
    "fuzz" => await FuzzBenchmark.RunAsync(Arg(1, 3000), Arg(2, 20261128), Arg(3, 60_000)),
    _ => Fail($"unknown benchmark '{verb}'; known: plan, rerun, quota, wire, startup, plan-memory, fuzz, segmentation, ingest"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 1;
}
