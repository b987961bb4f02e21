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

        public void Waiting(Core.Resilience.RetryNotice notice)
        {
            if (_waits.Admit(notice) is { } line)
            {
                Write(line);
            }
        }

        private readonly WaitLines _waits = new();

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

        public void Waiting(Core.Resilience.RetryNotice notice)
        {
            if (_waits.Admit(notice) is { } line)
            {
                error.WriteLine(line);
            }
        }

        private readonly WaitLines _waits = new();
    }

    /// <summary>
    /// One line about waiting every few seconds at most, naming the latest wait and how many others came since the last
    /// line: throttling can retry hundreds of calls a minute, and a person needs to know the job lives, not each retry.
    /// </summary>
    private sealed class WaitLines
    {
        private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
        private readonly Lock _gate = new();
        private long _lastTicks = long.MinValue;
        private int _since;

        public string? Admit(Core.Resilience.RetryNotice notice)
        {
            lock (_gate)
            {
                var now = Environment.TickCount64;
                if (_lastTicks != long.MinValue && now - _lastTicks < Every.TotalMilliseconds)
                {
                    _since++;
                    return null;
                }

                var others = _since;
                (_lastTicks, _since) = (now, 0);
                return notice + (others == 0 ? string.Empty : $" ({others} more retr{(others == 1 ? "y" : "ies")} since the last line)");
            }
        }
    }
}
