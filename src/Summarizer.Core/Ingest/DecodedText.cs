namespace Summarizer.Core.Ingest;

/// <summary>Text decoded from a file's bytes, with the name of the encoding used.</summary>
public sealed record DecodedText(string Text, string EncodingName);
