using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Summarizer.Core.Outputs;
using Summarizer.Core.Review;

namespace Summarizer.Cli.Review;

/// <summary>
/// The local web server of <c>summarizer review</c> (Kestrel, minimal APIs). Pages live under the session token,
/// <c>http://127.0.0.1:PORT/&lt;token&gt;/</c>, so nobody without the printed address can read them; edits are posted
/// to <see cref="ReviewEditor.ReviewPath"/> and the apply button to <see cref="ReviewEditor.ApplyPath"/>, each checked by
/// <see cref="ReviewRequestGuard"/> first. Every response carries a strict policy and no caching.
/// </summary>
public sealed class ReviewServer : IAsyncDisposable
{
    // The side-by-side page's files, other than itself, that its links reach.
    private static readonly Dictionary<string, string> JobFiles = new(StringComparer.Ordinal)
    {
        [JobFolder.BriefingPage] = "text/html; charset=utf-8",
        [JobFolder.BriefingMarkdown] = "text/plain; charset=utf-8",
        [JobFolder.DiffPage] = "text/html; charset=utf-8",
        [JobFolder.DiffMarkdown] = "text/plain; charset=utf-8",
        [JobFolder.Manifest] = "application/json; charset=utf-8",
        [JobFolder.Qa] = "application/json; charset=utf-8",
    };

    private readonly WebApplication _app;

    private ReviewServer(WebApplication app, Uri address, string token)
    {
        _app = app;
        Address = address;
        Token = token;
    }

    /// <summary>Gets the server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Gets the session token.</summary>
    public string Token { get; }

    /// <summary>Gets the address to open: the served index under the token.</summary>
    public Uri PageAddress => new(Address, Token + "/");


    /// <summary>Starts the server.</summary>
    /// <param name="session">The job under review.</param>
    /// <param name="listen">The address to listen on (loopback unless the user said otherwise).</param>
    /// <param name="port">The port, or 0 for a free one.</param>
    /// <param name="apply">Applies the reviews and returns the new job's id; <see cref="NotSupportedException"/> answers 501.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is in use or the address is not this machine's.</exception>
    public static async Task<ReviewServer> StartAsync(
        ReviewSession session, IPAddress listen, int port, Func<CancellationToken, Task<string>> apply, CancellationToken cancellationToken = default)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();

        // The command owns Ctrl+C (System.CommandLine cancels its token); the host's console lifetime would take the signal too.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = ReviewLimits.MaxBody;
            k.Listen(listen, port);
        });
        var app = builder.Build();

        // The guard needs the port Kestrel chose, known once it has started; until then every request is refused.
        ReviewRequestGuard? guard = null;
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            var refusal = guard is null
                ? (StatusCodes.Status503ServiceUnavailable, "the review server is starting")
                : guard.Check(request.Method, request.Headers.Host, request.Headers.Origin, request.Headers[ReviewEditor.TokenHeader], request.ContentType);
            if (refusal is { } refused)
            {
                await Error(context, refused.Item1, refused.Item2);
                return;
            }

            await next(context);
        });
        MapPages(app, session, token => guard?.HasToken(token) == true);
        MapApi(app, session, apply);
        await app.StartAsync(cancellationToken);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        guard = new ReviewRequestGuard(token, listen, bound.Port);
        return new ReviewServer(app, new Uri($"http://{Authority(listen, bound.Port)}/"), token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private static void MapPages(WebApplication app, ReviewSession session, Func<string, bool> isToken)
    {
        // The index is at /<token>/ with its slash, so that the relative links of every page resolve under the token.
        app.MapGet("/{token}", (string token, HttpContext context) =>
            !isToken(token) ? NotFound()
            : context.Request.Path.Value!.EndsWith('/') ? Page(session.IndexPage(), ReviewIndexPage.ContentSecurityPolicy)
            : Results.Redirect($"/{token}/"));
        app.MapGet("/{token}/{file}", (string token, string file) =>
            !isToken(token) ? NotFound()
            : file == JobFolder.Index ? Page(session.IndexPage(), ReviewIndexPage.ContentSecurityPolicy)
            : JobFiles.TryGetValue(file, out var type) && File.Exists(session.Folder.File(file)) ? Results.File(Path.GetFullPath(session.Folder.File(file)), type)
            : NotFound());
        app.MapGet("/{token}/articles/{article}/{file}", (string token, string article, string file) =>
        {
            if (!isToken(token))
            {
                return NotFound();
            }

            if (file == JobFolder.SideBySide)
            {
                return session.ArticlePage(article) is { } html ? Page(html, PolicyOf(html)) : NotFound();
            }

            return file == JobFolder.Summary && session.Folder.ArticleIds().Contains(article, StringComparer.Ordinal) && File.Exists(session.Folder.ArticleFile(article, file))
                ? Results.File(Path.GetFullPath(session.Folder.ArticleFile(article, file)), "text/plain; charset=utf-8")
                : NotFound();
        });
    }

    private static void MapApi(WebApplication app, ReviewSession session, Func<CancellationToken, Task<string>> apply)
    {
        app.MapPost(ReviewEditor.ReviewPath, async (HttpContext context) =>
        {
            ReviewRequest? request;
            try
            {
                request = await context.Request.ReadFromJsonAsync<ReviewRequest>(context.RequestAborted);
            }
            catch (JsonException ex)
            {
                return Failure(StatusCodes.Status400BadRequest, $"the edit is not valid JSON ({ex.Message.Split('\n')[0].TrimEnd('.')})");
            }

            try
            {
                return request is null ? Failure(StatusCodes.Status400BadRequest, "the edit is empty") : Results.Json(session.Record(request));
            }
            catch (ReviewRequestException ex)
            {
                return Failure(StatusCodes.Status400BadRequest, ex.Message);
            }
        });
        app.MapPost(ReviewEditor.ApplyPath, async (HttpContext context) =>
        {
            try
            {
                return Results.Json(new { job = await apply(context.RequestAborted) });
            }
            catch (NotSupportedException ex)
            {
                return Failure(StatusCodes.Status501NotImplemented, ex.Message);
            }
            catch (Summarizer.Core.Jobs.ApplyRefusedException ex)
            {
                // Nothing to apply yet (no edit recorded), or the job cannot be applied: the reviewer's to fix, not a fault.
                return Failure(StatusCodes.Status409Conflict, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Failure(StatusCodes.Status500InternalServerError, $"apply failed: {ex.Message.Split('\n')[0].TrimEnd('.')}");
            }
        });
    }

    private static PageResult Page(string html, string policy) => new(html, policy);

    private static IResult NotFound() => Failure(StatusCodes.Status404NotFound, "no such page: open the address 'summarizer review' printed");

    private static IResult Failure(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }

    /// <summary>The policy a page declares in its meta element, sent as a header as well (where <c>frame-ancestors</c> counts).</summary>
    private static string PolicyOf(string html)
    {
        const string Marker = "http-equiv=\"Content-Security-Policy\" content=\"";
        var start = html.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    private static string Authority(IPAddress address, int port) =>
        address.Equals(IPAddress.Any) ? $"127.0.0.1:{port}"
        : address.Equals(IPAddress.IPv6Any) ? $"[::1]:{port}"
        : new IPEndPoint(address, port).ToString();

    private sealed class PageResult(string html, string policy) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            httpContext.Response.Headers.ContentSecurityPolicy = policy + "; frame-ancestors 'none'";
            return httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
        }
    }

    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
