using System.Text.RegularExpressions;
using Summarizer.Testing;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Architecture;

/// <summary>
/// Which feature folders of Summarizer.Core use which, read from the source (using directives and qualified type names
/// checked against the types each namespace really declares), and the cycles among them. Layers are meant to point one
/// way (docs/architecture.md): a dependency that closes a cycle fails the test, and the cycles are printed.
/// </summary>
public sealed partial class NamespaceDependencyTests(ITestOutputHelper output)
{
    [Fact]
    public void No_dependency_closes_a_cycle_between_feature_folders()
    {
        var edges = Edges();
        var cyclic = CycleEdges(edges);
        output.WriteLine($"{edges.Count} dependencies between folders; {cyclic.Count} of them close a cycle:");
        foreach (var edge in cyclic.Order(StringComparer.Ordinal))
        {
            output.WriteLine("  " + edge);
        }

        Assert.Empty(cyclic);
    }

    [Fact]
    public void Only_the_cli_facing_layer_uses_Jobs_and_nothing_below_Rendering_uses_Rendering()
    {
        var edges = Edges();

        // Jobs orchestrates; what draws, checks, scores or stores a job reads it through Outputs, never through Jobs.
        Assert.DoesNotContain(edges, e => e.EndsWith("→Jobs", StringComparison.Ordinal));
        Assert.DoesNotContain(edges, e => e is "Outputs→Rendering" or "Outputs→Quality" or "Outputs→Evaluation" or "Quality→Rendering" or "Evaluation→Rendering");
    }

    [Fact]
    public void Files_Ingest_and_Tokens_depend_on_no_other_feature_folder()
    {
        var edges = Edges();

        Assert.DoesNotContain(edges, e => e.Split('→')[0] is "Files" or "Ingest" or "Tokens");
    }

    private static HashSet<string> Edges()
    {
        var assembly = typeof(Summarizer.Core.Outputs.JobFolder).Assembly;
        var typesByFolder = assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Summarizer.Core.", StringComparison.Ordinal) == true && !t.Name.Contains('<', StringComparison.Ordinal))
            .GroupBy(t => t.Namespace!["Summarizer.Core.".Length..].Split('.')[0])
            .ToDictionary(g => g.Key, g => g.Select(t => t.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var root = Path.Combine(RepositoryPaths.Root, "src", "Summarizer.Core");
        var edges = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in typesByFolder.Keys)
        {
            var directory = Path.Combine(root, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var text in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText))
            {
                foreach (Match match in Reference().Matches(text))
                {
                    var (target, type) = (match.Groups["folder"].Value, match.Groups["type"].Value);
                    var declared = typesByFolder.TryGetValue(target, out var names);
                    if (target != folder && declared && (match.Groups["using"].Success || names!.Contains(type)))
                    {
                        edges.Add($"{folder}→{target}");
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>Edges inside a strongly connected component of more than one folder (Tarjan).</summary>
    private static HashSet<string> CycleEdges(HashSet<string> edges)
    {
        var graph = edges.Select(e => e.Split('→')).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p[1]).ToList(), StringComparer.Ordinal);
        var nodes = edges.SelectMany(e => e.Split('→')).Distinct(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var component = new Dictionary<string, int>(StringComparer.Ordinal);
        var (next, components) = (0, 0);

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component[member] = components;
                }
                while (member != node);
                components++;
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return edges.Where(e => e.Split('→') is var p && component[p[0]] == component[p[1]]).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"(?<using>using\s+)?(?<![\w.])(?:Summarizer\.Core\.)?(?<folder>[A-Z]\w*)(?:;|\.(?<type>[A-Z]\w*))", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
