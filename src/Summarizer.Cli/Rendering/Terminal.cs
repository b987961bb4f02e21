using Spectre.Console;

namespace Summarizer.Cli.Rendering;

/// <summary>Makes the Spectre console for a command's output: colour on a terminal, plain text when redirected.</summary>
public static class Terminal
{
    /// <summary>Creates a console that writes to the context's output.</summary>
    public static IAnsiConsole Create(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = context.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = context.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!context.IsTerminal)
        {
            // Redirected output has no width; keep tables on one line per row for logs and grep.
            console.Profile.Width = 160;
        }

        return console;
    }
}
