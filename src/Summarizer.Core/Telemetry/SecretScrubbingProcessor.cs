using System.Diagnostics;
using OpenTelemetry;

namespace Summarizer.Core.Telemetry;

/// <summary>
/// Masks configured API keys in the tags and status of every span before it is exported, whoever made the span:
/// Semantic Kernel and the OpenAI SDK put an exception's message in the span's status, and a server's error message
/// may quote the key it was sent.
/// </summary>
internal sealed class SecretScrubbingProcessor(Func<string, string> redact) : BaseProcessor<Activity>
{
    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            if (value is string text && redact(text) is var clean && clean != text)
            {
                data.SetTag(key, clean);
            }
        }

        if (data.StatusDescription is { } description && redact(description) is var status && status != description)
        {
            data.SetStatus(data.Status, status);
        }
    }
}
