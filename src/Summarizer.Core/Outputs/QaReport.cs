namespace Summarizer.Core.Outputs;

/// <summary>One QA finding on a sentence or a claim.</summary>
/// <param name="Article">The article id.</param>
/// <param name="Item">The sentence id (s4) or claim id (k2).</param>
/// <param name="Check">The check that fired (a constant of the QA checks).</param>
/// <param name="Severity">error, warning or note.</param>
/// <param name="Message">What is wrong, for a reviewer.</param>
public sealed record QaFinding(string Article, string Item, string Check, string Severity, string Message);

/// <summary>The content of <c>qa.json</c>: counts by severity and by check, and every finding.</summary>
public sealed record QaReport(string Job, int Errors, int Warnings, int Notes, IReadOnlyDictionary<string, int> ByCheck, IReadOnlyList<QaFinding> Findings);
