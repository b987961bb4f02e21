using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Summarizer.Testing;

/// <summary>
/// An OTLP/HTTP receiver on 127.0.0.1 (Kestrel, random port) for tests: accepts <c>POST /v1/traces</c> and
/// <c>/v1/metrics</c> (protobuf), keeps every body, and reads the few fields tests check from the protobuf by hand:
/// the resource's <c>service.name</c> and the span names.
/// </summary>
public sealed class LoopbackOtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string ContentType, byte[] Body)> _requests = new();

    private LoopbackOtlpReceiver(WebApplication app) => _app = app;

    /// <summary>Gets the receiver's base address, the value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets every request received: path, content type and body.</summary>
    public IReadOnlyList<(string Path, string ContentType, byte[] Body)> Requests => [.. _requests];

    /// <summary>Starts a receiver on a free loopback port.</summary>
    public static async Task<LoopbackOtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new LoopbackOtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            receiver._requests.Enqueue((http.Request.Path, http.Request.ContentType ?? string.Empty, body.ToArray()));
            http.Response.ContentType = "application/x-protobuf";

            // An empty Export*ServiceResponse: everything accepted.
            await http.Response.Body.WriteAsync(Array.Empty<byte>());
        });
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return receiver;
    }

    /// <summary>
    /// The <c>service.name</c> values of an <c>ExportTraceServiceRequest</c> or <c>ExportMetricsServiceRequest</c>:
    /// resource_spans/resource_metrics (1) → resource (1) → attributes (1) → KeyValue key (1), value (2) → string_value (1).
    /// </summary>
    public static IReadOnlyList<string> ServiceNames(byte[] request) =>
        [.. Fields(request, 1).SelectMany(resource => Fields(resource, 1)).SelectMany(r => Fields(r, 1))
            .Where(kv => Fields(kv, 1).Select(Text).FirstOrDefault() == "service.name")
            .SelectMany(kv => Fields(kv, 2)).SelectMany(v => Fields(v, 1)).Select(Text)];

    /// <summary>The span names of an <c>ExportTraceServiceRequest</c>: resource_spans (1) → scope_spans (2) → spans (2) → name (5).</summary>
    public static IReadOnlyList<string> SpanNames(byte[] request) =>
        [.. Fields(request, 1).SelectMany(r => Fields(r, 2)).SelectMany(s => Fields(s, 2)).SelectMany(span => Fields(span, 5)).Select(Text)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of a protobuf message; other fields are skipped.</summary>
    private static List<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            switch (wire)
            {
                case 0: Varint(message, ref at); break;
                case 1: at += 8; break;
                case 5: at += 4; break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    if (field == number)
                    {
                        found.Add(message[at..(at + length)]);
                    }

                    at += length;
                    break;
                default: throw new InvalidDataException($"protobuf wire type {wire} is not expected in OTLP");
            }
        }

        return found;
    }

    private static ulong Varint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
