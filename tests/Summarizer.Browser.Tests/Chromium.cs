using Microsoft.Playwright;

namespace Summarizer.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for all browser tests, driven by Playwright. Never downloads a browser: the executable
/// is the system's (tests/install-chromium puts it there with apt-get, run by .ci/run and by this project's build), and background networking is off, so the only
/// pages it loads are the job files under test.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>Gets the browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Gets the folder screenshots and PDFs are saved in (<c>SUMMARIZER_TEST_ARTIFACTS</c>, else beside the tests).</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("SUMMARIZER_TEST_ARTIFACTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} not found: the browser tests drive Debian's Chromium. Run tests/install-chromium (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Opens a file of a job folder in a new page; every dialog the page opens is recorded, and dismissed.</summary>
    /// <param name="path">The file.</param>
    /// <param name="height">The viewport's height: a short one puts later sentences below the fold, so scrolling shows.</param>
    public async Task<OpenedPage> OpenAsync(string path, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = height } });
        var page = await context.NewPageAsync();
        var opened = new OpenedPage(context, page);
        page.Dialog += (_, dialog) =>
        {
            opened.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) => opened.Console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => opened.Console.Add($"pageerror: {error}");
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return opened;
    }
}

/// <summary>A page with the dialogs and console messages it produced.</summary>
public sealed class OpenedPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    /// <summary>Gets the page.</summary>
    public IPage Page { get; } = page;

    /// <summary>Gets every dialog (alert, confirm, prompt) the page tried to open.</summary>
    public List<string> Dialogs { get; } = [];

    /// <summary>Gets every console message and uncaught error.</summary>
    public List<string> Console { get; } = [];

    /// <summary>Saves a screenshot of the whole page under <see cref="Chromium.Artifacts"/> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Chromium.Artifacts, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

/// <summary>The tests that share the one browser.</summary>
[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<Chromium>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "chromium";
}
