using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAI.Batch;
using OpenAI.Files;

namespace Summarizer.Core.Batch;

/// <summary>
/// The provider's Batch API through the official SDK clients: files (<see cref="OpenAIFileClient"/>: upload with purpose
/// <c>batch</c>, list, download, delete) and batches (<see cref="BatchClient"/>: create, get, list, cancel). The batch
/// client is protocol-level in the served SDK, so requests and batch objects are the typed records of this folder. The
/// same code serves OpenAI (<c>/v1/…</c>), Azure's deployments surface (<c>/openai/…?api-version=</c>) and Azure's v1
/// surface (<c>/openai/v1/…</c>): the clients know their paths, this class only which <c>url</c> lines carry.
/// </summary>
/// <param name="files">The files client (from <c>OpenAIClient.GetOpenAIFileClient()</c> or <c>AzureOpenAIClient.GetOpenAIFileClient()</c>).</param>
/// <param name="batches">The batch client of the same service.</param>
/// <param name="requestUrl">The chat completions path lines carry and the batch's endpoint.</param>
/// <param name="model">The deployment (Azure) or model lines name in their body.</param>
/// <param name="azure">Whether the service is Azure OpenAI (its per-file limits apply).</param>
/// <param name="listFilesUri">
/// The URL that lists batch files, when the SDK's own is wrong: Azure.AI.OpenAI 2.9.0-beta.1 lists the deployments
/// surface's files at <c>/files?purpose=batch</c>, without <c>/openai</c> and the api-version (seen against the loopback).
/// </param>
#pragma warning disable OPENAI001 // The batch client is experimental in the served SDK, and the only official way to the Batch API.
public sealed class BatchApi(OpenAIFileClient files, BatchClient batches, string requestUrl, string model, bool azure, Uri? listFilesUri = null)
{
    /// <summary>The path of Azure's deployments surface: the deployment is named by the line's <c>model</c>.</summary>
    public const string AzureDeploymentsUrl = "/chat/completions";

    /// <summary>The path of OpenAI and Azure's v1 surface.</summary>
    public const string V1Url = "/v1/chat/completions";

    // The service lists newest first: a batch made moments before a crash is on the first page; ten pages bound the search.
    private const int ListPageSize = 100;
    private const int ListPages = 10;

    /// <summary>Gets the <c>url</c> every line carries and the batch's <c>endpoint</c>.</summary>
    public string RequestUrl { get; } = requestUrl;

    /// <summary>Gets the deployment or model lines name in their body.</summary>
    public string Model { get; } = model;

    /// <summary>Gets a value indicating whether the service is Azure OpenAI.</summary>
    public bool Azure { get; } = azure;

    /// <summary>Uploads a JSONL input file with purpose <c>batch</c>; returns its file id.</summary>
    public Task<string> UploadAsync(BatchFile file, string fileName, CancellationToken cancellationToken) =>
        Call("upload of " + fileName, async () =>
        {
            using var stream = new MemoryStream(file.Content, writable: false);
            var uploaded = await files.UploadFileAsync(stream, fileName, FileUploadPurpose.Batch, cancellationToken).ConfigureAwait(false);
            return uploaded.Value.Id;
        });

    /// <summary>Returns the id of an uploaded batch file of that name (the newest), or <see langword="null"/>: how an upload a crash kept from being recorded is found again.</summary>
    public Task<string?> FindUploadedAsync(string fileName, CancellationToken cancellationToken) =>
        Call("listing of batch files", async () =>
        {
            if (listFilesUri is null)
            {
                var listed = await files.GetFilesAsync(FilePurpose.Batch, cancellationToken).ConfigureAwait(false);
                return listed.Value.Where(f => f.Filename == fileName).OrderByDescending(f => f.CreatedAt).Select(f => f.Id).FirstOrDefault();
            }

            using var message = files.Pipeline.CreateMessage();
            message.Request.Method = "GET";
            message.Request.Uri = listFilesUri;
            message.Request.Headers.Set("Accept", "application/json");
            message.Apply(Options(cancellationToken));
            await files.Pipeline.SendAsync(message).ConfigureAwait(false);
            if (message.Response!.IsError)
            {
                throw new ClientResultException(message.Response);
            }

            var data = JsonNode.Parse(message.Response.Content.ToString())?["data"] as JsonArray ?? [];
            return data.OfType<JsonObject>()
                .Where(f => f["filename"]?.GetValue<string>() == fileName)
                .OrderByDescending(f => f["created_at"]?.GetValue<long>() ?? 0)
                .Select(f => f["id"]?.GetValue<string>())
                .FirstOrDefault();
        });

    /// <summary>Creates a batch over an uploaded input file.</summary>
    public Task<BatchObject> CreateAsync(string inputFileId, string completionWindow, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        Call("creation of a batch over " + inputFileId, async () =>
        {
            var request = new JsonObject { ["input_file_id"] = inputFileId, ["endpoint"] = RequestUrl, ["completion_window"] = completionWindow };
            if (metadata is { Count: > 0 })
            {
                request["metadata"] = new JsonObject(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)));
            }

            var operation = await batches.CreateBatchAsync(BinaryContent.Create(BinaryData.FromString(request.ToJsonString())), waitUntilCompleted: false, Options(cancellationToken)).ConfigureAwait(false);
            return Read(operation.GetRawResponse().Content);
        });

    /// <summary>Returns a batch.</summary>
    public Task<BatchObject> GetAsync(string batchId, CancellationToken cancellationToken) =>
        Call("status of batch " + batchId, async () => Read((await batches.GetBatchAsync(batchId, Options(cancellationToken)).ConfigureAwait(false)).GetRawResponse().Content));

    /// <summary>
    /// Returns the batch made over an input file, or <see langword="null"/>: how a batch a crash kept from being recorded
    /// is found again, so it is polled instead of created twice.
    /// </summary>
    public Task<BatchObject?> FindBatchAsync(string inputFileId, CancellationToken cancellationToken) =>
        Call("listing of batches", async () =>
        {
            var pages = 0;
            await foreach (var page in batches.GetBatchesAsync(after: null, limit: ListPageSize, Options(cancellationToken)).GetRawPagesAsync().ConfigureAwait(false))
            {
                var data = JsonNode.Parse(page.GetRawResponse().Content.ToString())?["data"] as JsonArray ?? [];
                var found = data.OfType<JsonObject>().Select(b => b.Deserialize<BatchObject>(BatchJson.Options)!).FirstOrDefault(b => b.InputFileId == inputFileId);
                if (found is not null || ++pages == ListPages)
                {
                    return found;
                }
            }

            return null;
        });

    /// <summary>Asks the service to cancel a batch; returns it (usually <c>cancelling</c>).</summary>
    public Task<BatchObject> CancelAsync(string batchId, CancellationToken cancellationToken) =>
        Call("cancellation of batch " + batchId, async () =>
        {
            var operation = await CreateBatchOperation.RehydrateAsync(batches, batchId, cancellationToken).ConfigureAwait(false);
            return Read((await operation.CancelAsync(Options(cancellationToken)).ConfigureAwait(false)).GetRawResponse().Content);
        });

    /// <summary>Downloads a file's content as text (output and error files are UTF-8 JSONL). Downloading again returns the same.</summary>
    public Task<string> DownloadAsync(string fileId, CancellationToken cancellationToken) =>
        Call("download of file " + fileId, async () => (await files.DownloadFileAsync(fileId, cancellationToken).ConfigureAwait(false)).Value.ToString());

    /// <summary>Deletes a file (input files once their batch has ended; the service keeps them otherwise).</summary>
    public Task DeleteFileAsync(string fileId, CancellationToken cancellationToken) =>
        Call("deletion of file " + fileId, async () => (await files.DeleteFileAsync(fileId, cancellationToken).ConfigureAwait(false)).Value.Deleted);

    private static RequestOptions Options(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken };

    private static BatchObject Read(BinaryData content) =>
        JsonSerializer.Deserialize<BatchObject>(content.ToString(), BatchJson.Options) ?? throw new BatchApiException("batch API: the service answered with no batch object", 200);

    private static async Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ClientResultException ex)
        {
            throw new BatchApiException($"batch API: {operation} failed ({Reason(ex)})", ex.Status, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new BatchApiException($"batch API: {operation} failed ({ex.Message.TrimEnd('.')})", 0, ex);
        }
        catch (JsonException ex)
        {
            throw new BatchApiException($"batch API: {operation} answered with JSON that is not the Batch API's ({ex.Message.TrimEnd('.')})", 200, ex);
        }
    }

    /// <summary>The service's own words from its error body (<c>{"error":{"message"}}</c>), else the status.</summary>
    private static string Reason(ClientResultException ex)
    {
        var status = ex.Status == 0 ? "no response" : $"HTTP {ex.Status}";
        try
        {
            var text = ex.GetRawResponse()?.Content?.ToString();
            var message = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)?["error"]?["message"]?.GetValue<string>();
            return message is null ? status : $"{status}: {message.ReplaceLineEndings(" ").TrimEnd('.')}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return status;
        }
    }
}
#pragma warning restore OPENAI001
