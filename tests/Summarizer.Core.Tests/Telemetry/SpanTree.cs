using System.Diagnostics;
using System.Text;

namespace Summarizer.Core.Tests.Telemetry;

/// <summary>One trace's spans as a tree: the job's root, and the children of each span in start order.</summary>
internal sealed class SpanTree(IReadOnlyList<Activity> spans)
{
    public IReadOnlyList<Activity> Spans => spans;

    public IReadOnlyList<Activity> Roots => spans.Where(s => !spans.Any(p => p.SpanId == s.ParentSpanId)).ToList();

    public IReadOnlyList<Activity> Children(Activity parent) =>
        spans.Where(s => s.ParentSpanId == parent.SpanId).OrderBy(s => s.StartTimeUtc).ToList();

    public IEnumerable<Activity> Descendants(Activity parent) =>
        Children(parent).SelectMany(c => Descendants(c).Prepend(c));

    public static SpanTree Of(IReadOnlyList<Activity> all, ActivityTraceId trace) => new(all.Where(s => s.TraceId == trace).ToList());

    /// <summary>Draws the tree, one span a line: name, source, and the attributes a reader checks first.</summary>
    public string Draw(int maxChildren = 3)
    {
        var text = new StringBuilder();
        foreach (var root in Roots)
        {
            Draw(root, 0);
        }

        return text.ToString();

        void Draw(Activity span, int depth)
        {
            var tags = string.Join(", ", span.TagObjects
                .Where(t => t.Key is "summarizer.job.id" or "summarizer.article.id" or "summarizer.stage" or "summarizer.outcome" or "gen_ai.usage.input_tokens" or "gen_ai.usage.output_tokens" or "gen_ai.provider.name" or "gen_ai.system" or "http.response.status_code")
                .Select(t => $"{t.Key}={t.Value}"));
            text.Append(new string(' ', depth * 2)).Append(span.DisplayName).Append("  [").Append(span.Source.Name).Append(']');
            text.AppendLine(tags.Length > 0 ? "  " + tags : string.Empty);
            var children = Children(span);
            foreach (var child in children.Take(maxChildren))
            {
                Draw(child, depth + 1);
            }

            if (children.Count > maxChildren)
            {
                text.Append(new string(' ', (depth + 1) * 2)).Append("… ").Append(children.Count - maxChildren).AppendLine(" more like these");
            }
        }
    }
}
