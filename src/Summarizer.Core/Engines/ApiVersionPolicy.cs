using System.ClientModel.Primitives;
using Azure.AI.OpenAI;

namespace Summarizer.Core.Engines;

/// <summary>
/// Sends the configured Azure OpenAI api-version as given. The SDK accepts only the versions of its own enum; the service
/// accepts more (and newer ones ship before the SDK knows them), so the version is a string here and the SDK's choice
/// is replaced on the way out.
/// </summary>
public sealed class ApiVersionPolicy(string apiVersion) : PipelinePolicy
{
    /// <summary>Gets the api-version the SDK sends when none is configured.</summary>
    public static string SdkDefault { get; } = Name(Enum.GetValues<AzureOpenAIClientOptions.ServiceVersion>().Max());

    /// <summary>Gets the version this policy sends.</summary>
    public string ApiVersion { get; } = apiVersion;

    /// <inheritdoc />
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    /// <summary>Returns the query with its api-version replaced (or added).</summary>
    public static string Replace(string query, string apiVersion)
    {
        var parts = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("api-version=", StringComparison.OrdinalIgnoreCase))
            .Append("api-version=" + Uri.EscapeDataString(apiVersion));
        return "?" + string.Join('&', parts);
    }

    private void Rewrite(PipelineMessage message)
    {
        if (message.Request.Uri is { } uri)
        {
            message.Request.Uri = new UriBuilder(uri) { Query = Replace(uri.Query, ApiVersion)[1..] }.Uri;
        }
    }

    private static string Name(AzureOpenAIClientOptions.ServiceVersion version) =>
        version.ToString().TrimStart('V').Replace("_Preview", "-preview", StringComparison.Ordinal).Replace('_', '-');
}
