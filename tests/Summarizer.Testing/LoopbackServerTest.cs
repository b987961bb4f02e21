namespace Summarizer.Testing;

/// <summary>Base for tests that need a fresh loopback OpenAI server and a temporary output folder per test.</summary>
public abstract class LoopbackServerTest : IAsyncLifetimeLike, IDisposable
{
    /// <summary>Gets the temporary output folder.</summary>
    protected TempFolder Output { get; } = new();

    /// <summary>Gets the server, started before each test.</summary>
    protected LoopbackOpenAiServer Server { get; set; } = null!;

    /// <summary>Starts the server.</summary>
    public async Task InitializeAsync() => Server = await LoopbackOpenAiServer.StartAsync();

    /// <summary>Stops the server.</summary>
    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes the output folder; derived tests add their own clean-up.</summary>
    protected virtual void Dispose(bool disposing) => Output.Dispose();
}

/// <summary>The shape of xunit's IAsyncLifetime, so this support library needs no xunit reference; test classes add the interface.</summary>
public interface IAsyncLifetimeLike
{
    /// <summary>Runs before each test.</summary>
    Task InitializeAsync();

    /// <summary>Runs after each test.</summary>
    Task DisposeAsync();
}
