using Spectre.Console;
using Summarizer.Core.Ingest;
using Summarizer.Core.Jobs;

namespace Summarizer.Cli.Rendering;

/// <summary>Shows a job's progress: Spectre progress bars on a terminal, plain lines on stderr otherwise.</summary>
public static class JobProgressDisplay
{
    /// <summary>Runs the job with the display fitting the output.</summary>
    public static async Task<JobResult> RunAsync(CliContext context, Func<IJobProgress, Task<JobResult>> run)
    {
        if (!context.IsTerminal)
        {
            return await run(new LineProgress(context.Error));
        }

        JobResult? result = null;
        await Terminal.Create(context).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx => result = await run(new BarProgress(ctx, context.Error)));
        return result!;
    }

    private sealed class LineProgress(TextWriter error) : IJobProgress
    {
        private int _calls;
        private int _estimated;

        public void Started(int articles, int estimatedCalls)
        {
            _estimated = estimatedCalls;
            Write($"{articles} articles, about {estimatedCalls} calls");
        }

        public void CallFinished(string stage)
        {
            var calls = Interlocked.Increment(ref _calls);
            if (calls % 25 == 0)
            {
                Write($"{calls}/{_estimated} calls");
            }
        }

        public void ArticleFinished(string articleId, string status, string? reason) =>
            Write($"{articleId}: {status}{(reason is null ? string.Empty : " — " + reason)}");

        public void Message(string text) => Write(text);

        private void Write(string line)
        {
            lock (error)
            {
                // Lines can carry paths and reasons from the input: escaped, so each stays one line.
                error.WriteLine(PrintableText.Escape(line));
            }
        }
    }

    private sealed class BarProgress(ProgressContext context, TextWriter error) : IJobProgress
    {
        private ProgressTask? _calls;
        private ProgressTask? _articles;

        public void Started(int articles, int estimatedCalls)
        {
            _articles = context.AddTask("articles", maxValue: Math.Max(1, articles));
            _calls = context.AddTask("model calls", maxValue: Math.Max(1, estimatedCalls));
        }

        public void CallFinished(string stage) => _calls?.Increment(1);

        public void ArticleFinished(string articleId, string status, string? reason) => _articles?.Increment(1);

        public void Message(string text) => error.WriteLine(PrintableText.Escape(text));
    }
}
