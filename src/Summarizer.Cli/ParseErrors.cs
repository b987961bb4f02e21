using System.CommandLine;

namespace Summarizer.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into one line a person can act on: an unknown option or command is named,
/// with the nearest known one ("did you mean --concurrency?"); other errors are listed as the parser words them.
/// </summary>
public static class ParseErrors
{
    /// <summary>
    /// Returns the first argument that looks like an option but names no file or folder (<c>run --concurency 2 x</c>
    /// would otherwise read <c>--concurency</c> as an article path), or null.
    /// </summary>
    public static string? OptionTakenAsPath(ParseResult parsed) =>
        parsed.Tokens.FirstOrDefault(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-' &&
            !File.Exists(t.Value) && !Directory.Exists(t.Value))?.Value;

    /// <summary>Describes the errors of a parse.</summary>
    public static string Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var unknown = parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : OptionTakenAsPath(parsed);
        if (unknown is not null)
        {
            if (unknown.StartsWith('-'))
            {
                var options = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
                    .SelectMany(o => o.Aliases.Prepend(o.Name));
                return $"unknown option {unknown}{Suggest(unknown, options)} (summarizer {CommandPath(command)} --help lists the options)";
            }

            if (command.Subcommands.Count > 0)
            {
                return $"unknown command '{unknown}'{Suggest(unknown, command.Subcommands.Select(c => c.Name), quote: true)} (commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))})";
            }

            return $"unexpected argument '{unknown}' for {CommandPath(command)}";
        }

        return string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message)).Distinct(StringComparer.Ordinal)) + $" (summarizer {CommandPath(command)} --help)";
    }

    /// <summary>The parser lists allowed values one per line; a terminal line holds them all.</summary>
    private static string OneLine(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message.Replace(" Must be one of:", " Allowed:", StringComparison.Ordinal), @"\s*\n\s*", " ").Replace("' '", "', '", StringComparison.Ordinal).TrimEnd('.');

    private static string CommandPath(Command command) =>
        string.Join(' ', command.Parents.OfType<Command>().Where(c => c is not RootCommand).Reverse().Select(c => c.Name).Append(command is RootCommand ? string.Empty : command.Name)).Trim();

    /// <summary>The nearest known name within a few edits, as " (did you mean X?)", or nothing.</summary>
    private static string Suggest(string given, IEnumerable<string> known, bool quote = false)
    {
        var best = known.Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: Distance(given, name)))
            .Where(c => c.Distance <= Math.Max(2, given.Length / 3))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : quote ? $" (did you mean '{best.Name}'?)" : $" (did you mean {best.Name}?)";
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters counts once.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
