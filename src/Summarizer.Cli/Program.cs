using Summarizer.Cli;

var context = CliContext.Create(Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
return await SummarizerCommandLine.InvokeAsync(args, context);
