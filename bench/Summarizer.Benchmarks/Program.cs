using Summarizer.Benchmarks;

// Usage: dotnet run -c Release --project bench/Summarizer.Benchmarks -- plan [articles] [words] [chunk-tokens]
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- rerun
//        dotnet run -c Release --project bench/Summarizer.Benchmarks -- quota [articles] [tpm] [rpm] [concurrency]
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
    _ => Fail($"unknown benchmark '{verb}'; known: plan, rerun, quota, segmentation, ingest"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 1;
}
