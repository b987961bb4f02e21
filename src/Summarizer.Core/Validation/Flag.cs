namespace Summarizer.Core.Validation;

/// <summary>A QA flag on a sentence or a claim.</summary>
/// <param name="Code">The flag code (see <see cref="FlagCodes"/>).</param>
/// <param name="Severity">error, warning or note.</param>
/// <param name="Message">What is wrong, for a reviewer.</param>
public sealed record Flag(string Code, string Severity, string Message);
