using Summarizer.Cli;

using var interrupt = new Interrupt();
var context = CliContext.Create(Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
return await SummarizerCommandLine.InvokeAsync(args, context, interrupt.Token);
