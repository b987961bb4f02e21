using System.Text.Json.Nodes;

namespace Summarizer.Core.Batch;

/// <summary>
/// One line of a batch input file: <c>{"custom_id","method":"POST","url","body"}</c>. The <c>url</c> is the chat
/// completions path of the surface (<see cref="BatchApi.RequestUrl"/>) and the body the exact request the realtime path
/// would send, <c>model</c> included (Azure reads the batch deployment from it).
/// </summary>
/// <param name="CustomId">The caller's id for the line, unique within the file; answers are matched by it.</param>
/// <param name="Method">The HTTP method; the service takes only <c>POST</c>.</param>
/// <param name="Url">The relative URL the request is made to.</param>
/// <param name="Body">The request body.</param>
public sealed record BatchRequestLine(string CustomId, string Method, string Url, JsonObject Body);
